package com.movierec.lifecycle.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.SdkJson;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.personalize.model.AutoTrainingConfig;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;

/**
 * The Solution's training settings: PerformAutoTraining, AutoTrainingSchedule and the SolutionConfig JSON, read into
 * the SDK's SolutionConfig (hpoConfig, algorithmHyperParameters, featureTransformationParameters,
 * eventValueThreshold, optimizationObjective, trainingDataConfig, eventsConfig).
 */
final class SolutionConfigs {
    static final String AUTO_TRAINING = "PerformAutoTraining";
    static final String SCHEDULE = "AutoTrainingSchedule";
    static final String CONFIG = "SolutionConfig";
    private static final CustomResourceType TYPE = CustomResourceType.SOLUTION;
    /** Personalize accepts rate(N days) for N from 1 to 30. */
    private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,2}) days?\\)");

    private SolutionConfigs() {
    }

    static boolean performAutoTraining(Properties properties) {
        return properties.requiredBoolean(AUTO_TRAINING, "set it explicitly, Personalize's default retrains weekly");
    }

    /** The schedule, only with auto-training; absent means Personalize's default of every 7 days. */
    static Optional<String> schedule(Properties properties) {
        Optional<String> schedule = properties.optional(SCHEDULE);
        if (schedule.isPresent() && !performAutoTraining(properties)) {
            throw Failure.property(TYPE, SCHEDULE, "is set but " + AUTO_TRAINING
                    + " is false: remove the schedule or turn auto-training on");
        }
        schedule.ifPresent(SolutionConfigs::requireRate);
        return schedule;
    }

    /** The SolutionConfig to send, or null when there is nothing to configure. */
    static SolutionConfig solutionConfig(Properties properties) {
        Optional<JsonNode> json = properties.optionalJson(CONFIG);
        json.ifPresent(SolutionConfigs::rejectUnsupported);
        Optional<String> schedule = schedule(properties);
        if (json.isEmpty() && schedule.isEmpty()) {
            return null;
        }
        SolutionConfig config = json.isPresent()
                ? SdkJson.read(json.get(), SolutionConfig.builder(), CONFIG,
                        sentence -> Failure.property(TYPE, CONFIG, "is invalid: " + sentence))
                : SolutionConfig.builder().build();
        return schedule.map(rate -> config.toBuilder()
                        .autoTrainingConfig(AutoTrainingConfig.builder().schedulingExpression(rate).build())
                        .build())
                .orElse(config);
    }

    private static void rejectUnsupported(JsonNode json) {
        if (json.has("autoMLConfig")) {
            throw Failure.property(TYPE, CONFIG, "sets autoMLConfig, but AutoML is retired: it only chose among the "
                    + "retired HRNN recipes; name the recipe in RecipeArn instead");
        }
        if (json.has("autoTrainingConfig")) {
            throw Failure.property(TYPE, CONFIG, "sets autoTrainingConfig: use the " + SCHEDULE
                    + " property, which updates in place");
        }
    }

    private static void requireRate(String schedule) {
        Matcher rate = RATE.matcher(schedule);
        int days = rate.matches() ? Integer.parseInt(rate.group(1)) : 0;
        if (days < 1 || days > 30) {
            throw Failure.property(TYPE, SCHEDULE, "must be rate(N days) with N from 1 to 30, not '" + schedule + "'");
        }
    }
}
