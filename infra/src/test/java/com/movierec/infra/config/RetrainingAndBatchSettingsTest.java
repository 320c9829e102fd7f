package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.environment;
import static com.movierec.infra.config.ConfigTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetrainingAndBatchSettingsTest {
    private static final String SCHEDULE_FIX = ": set \"rate(N days)\" with N from 1 to 30, or a \"cron(...)\" "
            + "expression";
    private static final String NUM_RESULTS_FIX = ": set a whole number of recommendations per user from 1 to 500 "
            + "(the most a batch inference job returns).";

    @Test
    void nothingIsScheduledByDefault() {
        EnvironmentConfig dev = dev(Map.of());

        assertThat(dev.retraining()).isEqualTo(RetrainingSettings.none());
        assertThat(dev.retraining().isScheduled()).isFalse();
        assertThat(dev.batchRecommendations()).isEqualTo(new BatchRecommendationSettings(Optional.empty(), 25));
        assertThat(dev.batchRecommendations().isScheduled()).isFalse();
    }

    @Test
    void nullSwitchesTheSchedulesOff() {
        EnvironmentConfig dev = dev(Map.of("retraining", json("schedule", null),
                "batchRecommendations", json("schedule", null), "training", Map.of("autoTraining", true)));

        assertThat(dev.retraining().schedule()).isEmpty();
        assertThat(dev.batchRecommendations().schedule()).isEmpty();
        assertThat(dev(json("retraining", null, "batchRecommendations", null)).batchRecommendations())
                .isEqualTo(BatchRecommendationSettings.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 day)", "rate(7 days)", "rate(30 days)", "cron(0 3 ? * SUN *)"})
    void readsTheSchedules(String schedule) {
        EnvironmentConfig dev = dev(Map.of("retraining", Map.of("schedule", schedule),
                "batchRecommendations", Map.of("schedule", schedule, "numResults", 100)));

        assertThat(dev.retraining()).isEqualTo(new RetrainingSettings(Optional.of(schedule)));
        assertThat(dev.retraining().isScheduled()).isTrue();
        assertThat(dev.batchRecommendations()).isEqualTo(new BatchRecommendationSettings(Optional.of(schedule), 100));
        assertThat(dev.training().autoTraining()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 500})
    void acceptsTheEndsOfNumResults(int numResults) {
        assertThat(dev(Map.of("batchRecommendations", Map.of("numResults", numResults))).batchRecommendations()
                .numResults()).isEqualTo(numResults);
    }

    @Test
    void failsIfScheduledRetrainingAndAutoTrainingAreBothOn() {
        assertThat(envProblems(Map.of("training", Map.of("autoTraining", true),
                "retraining", Map.of("schedule", "rate(7 days)")))).containsExactly(DEV + "retraining.schedule is "
                + "\"rate(7 days)\": training.autoTraining is true too, and both would retrain the solutions; choose "
                + "one: set retraining.schedule to null to keep Personalize's auto-training, or training.autoTraining "
                + "to false to retrain on this schedule behind the quality gate.");
    }

    @Test
    void anEnvironmentCannotRetrainBothWays() {
        assertThatThrownBy(() -> environment(RecipeSelection.defaults(), true, QualityGateSettings.none(),
                MonitoringSettings.defaults(), new RetrainingSettings(Optional.of("rate(7 days)")),
                BatchRecommendationSettings.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose one");
        assertThat(environment(RecipeSelection.defaults(), true, QualityGateSettings.none(),
                MonitoringSettings.defaults(), RetrainingSettings.none(), BatchRecommendationSettings.defaults())
                .training().autoTraining()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(0 days)", "rate(31 days)", "rate(1 hour)", "weekly", "cron()", ""})
    void failsIfARetrainingScheduleIsInvalid(String schedule) {
        assertThat(envProblems(Map.of("retraining", Map.of("schedule", schedule)))).containsExactly(DEV
                + "retraining.schedule is \"" + schedule + "\"" + SCHEDULE_FIX + ", or null for no scheduled "
                + "retraining.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(0 days)", "rate(31 days)", "rate(12 hours)", "daily", "cron(0 3 (x) *)"})
    void failsIfABatchScheduleIsInvalid(String schedule) {
        assertThat(envProblems(Map.of("batchRecommendations", Map.of("schedule", schedule)))).containsExactly(DEV
                + "batchRecommendations.schedule is \"" + schedule + "\"" + SCHEDULE_FIX + ", or null to run it on "
                + "demand only.");
    }

    @Test
    void failsIfAScheduleIsNotAString() {
        assertThat(envProblems(Map.of("retraining", Map.of("schedule", 7)))).containsExactly(DEV + "retraining"
                + ".schedule is 7" + SCHEDULE_FIX + ", or null for no scheduled retraining.");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 501, 25.5})
    void failsIfNumResultsIsOutOfRangeOrNotWhole(double numResults) {
        assertThat(envProblems(Map.of("batchRecommendations", Map.of("numResults", numResults)))).containsExactly(DEV
                + "batchRecommendations.numResults is " + ConfigProblem.show(numResults) + NUM_RESULTS_FIX);
    }

    @Test
    void failsIfBatchRecommendationsAreScheduledWithoutAUserPersonalizationRecipe() {
        assertThat(envProblems(Map.of("recipes", json("userPersonalization", null),
                "batchRecommendations", Map.of("schedule", "rate(7 days)")))).containsExactly(DEV
                + "batchRecommendations.schedule is \"rate(7 days)\": batch recommendations come from the "
                + "userPersonalization solution, and recipes.userPersonalization is null; set the schedule to null or "
                + "deploy a userPersonalization recipe.");
        assertThat(dev(Map.of("recipes", json("userPersonalization", null), "batchRecommendations",
                Map.of("numResults", 10))).batchRecommendations().numResults()).isEqualTo(10);
    }

    @Test
    void anEnvironmentCannotScheduleBatchRecommendationsWithoutUserPersonalization() {
        RecipeSelection rankingOnly = new RecipeSelection(Map.of(RecipeSlot.RANKING,
                Recipe.PERSONALIZED_RANKING_V2));

        assertThatThrownBy(() -> environment(rankingOnly, false, QualityGateSettings.none(),
                MonitoringSettings.defaults(), RetrainingSettings.none(),
                new BatchRecommendationSettings(Optional.of("rate(7 days)"), 25)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userPersonalization");
    }

    @Test
    void failsIfASectionIsNotAnObjectOrAKeyIsMisspelt() {
        assertThat(envProblems(Map.of("retraining", "rate(7 days)", "batchRecommendations", List.of())))
                .containsExactly(
                        DEV + "retraining is \"rate(7 days)\": make it an object such as {\"schedule\": \"rate(7 "
                                + "days)\"}.",
                        DEV + "batchRecommendations is a list: make it an object such as {\"schedule\": null, "
                                + "\"numResults\": 25}.");
        assertThat(envProblems(Map.of("retraining", Map.of("rate", "rate(7 days)"),
                "batchRecommendations", Map.of("results", 25)))).containsExactly(
                DEV + "retraining.rate is not a known key: use one of schedule (see infra/README.md).",
                DEV + "batchRecommendations.results is not a known key: use one of numResults, schedule (see "
                        + "infra/README.md).");
    }

    @Test
    void theSettingsCheckTheirOwnValues() {
        assertThatThrownBy(() -> new RetrainingSettings(Optional.of("weekly")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weekly");
        assertThatThrownBy(() -> new BatchRecommendationSettings(Optional.of("rate(31 days)"), 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchRecommendationSettings(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchRecommendationSettings(Optional.empty(), 501))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
