package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.DEV;
import static com.movierec.infra.config.ConfigTesting.dev;
import static com.movierec.infra.config.ConfigTesting.envProblems;
import static com.movierec.infra.config.ConfigTesting.json;
import static com.movierec.infra.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How cdk.json's values become records: strictly typed, defaults for what is absent, every mistake at once. */
class ConfigBinderTest {
    private static final String TIMEOUT_FIX = ": set a whole number of hours from 1 to 12 (a CloudFormation "
            + "WaitCondition waits at most 12 hours).";

    @Test
    void aWholeNumberWrittenWithAFractionIsThatNumber() {
        assertThat(dev(Map.of("training", Map.of("timeoutHours", 12.0))).training().timeoutHours()).isEqualTo(12);
    }

    @Test
    void aStringIsNoNumberAndANumberNoStringNorABoolean() {
        assertThat(envProblems(Map.of("training", Map.of("timeoutHours", "6", "hpo", 1), "region", 5)))
                .containsExactly(
                        DEV + "region is 5: set an AWS region code such as \"eu-west-1\".",
                        DEV + "training.hpo is 1: set true or false (JSON booleans, without quotes).",
                        DEV + "training.timeoutHours is \"6\"" + TIMEOUT_FIX);
    }

    @Test
    void anObjectReportsItsUnknownKeysFirstThenItsKeysInTheRecordsOrder() {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("pollSeconds", 5);
        training.put("timeoutHours", 0);
        training.put("zzz", 1);
        training.put("hpo", "yes");

        assertThat(envProblems(Map.of("training", training))).containsExactly(
                DEV + "training.zzz is not a known key: use one of autoTraining, autoTrainingSchedule, hpo, "
                        + "pollSeconds, timeoutHours (see infra/README.md).",
                DEV + "training.hpo is \"yes\": set true or false (JSON booleans, without quotes).",
                DEV + "training.timeoutHours is 0" + TIMEOUT_FIX,
                DEV + "training.pollSeconds is 5: set a whole number of seconds from 10 to 900.");
    }

    @Test
    void theTopLevelRefusesAnUnknownKeyToo() {
        assertThat(problems(Map.of("environments", Map.of("dev", Map.of()), "enviroments", Map.of())))
                .containsExactly("movierec.enviroments is not a known key: use one of environments, pipeline (see "
                        + "infra/README.md).");
    }

    @Test
    void absentAndNullMeanTheDefaultExceptWhereNullIsRefusedOrSwitchesSomethingOff() {
        EnvironmentConfig nulls = dev(json("dataset", null, "training", null, "retainDataOnDestroy", null,
                "tags", null));

        assertThat(nulls).isEqualTo(dev(Map.of()));
        assertThat(dev(Map.of("recipes", json("ranking", null))).recipes().recipe(RecipeSlot.RANKING)).isEmpty();
        assertThat(envProblems(json("recipes", null))).containsExactly(DEV + "recipes is null: list the recipes to "
                + "deploy, or leave the key out for the defaults.");
    }

    @Test
    void aRecordBuiltInCodeRefusesItsValuesInTheSameWords() {
        assertThatThrownBy(() -> new TrainingSettings(false, false, "rate(7 days)", 13, 60))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("timeoutHours is 13" + TIMEOUT_FIX);
        assertThatThrownBy(() -> new ApiSettings.Throttle(0, 5001)).hasMessage("rateLimit is 0: set a whole number "
                + "of requests per second from 1 to 10000 (API Gateway's default account limit). burstLimit is 5001: "
                + "set a whole number of requests from 1 to 5000 (API Gateway's default account burst).");
    }

    /** What the binder needs of every record: a fix for each key, a default for each primitive. */
    @Test
    void everyKeyHasAFixAndEveryPrimitiveADefault() {
        List<String> missing = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> records = new ArrayList<>(List.of(MovieRecConfig.class));
        while (!records.isEmpty()) {
            Class<?> record = records.remove(0);
            if (!seen.add(record)) {
                continue;
            }
            for (ConfigCreator.Param param : ConfigCreator.of(record).jsonParams()) {
                String key = record.getSimpleName() + "." + param.name();
                if (param.fix().isEmpty() && !ConfigCreator.of(record).delegating()) {
                    missing.add(key + " has no @Fix");
                }
                if (param.type() instanceof Class<?> type && type.isPrimitive() && param.defaultValue().isEmpty()) {
                    missing.add(key + " has no default");
                }
                records.addAll(recordsIn(param.type()));
            }
        }
        assertThat(missing).isEmpty();
        assertThat(seen).contains(EnvironmentConfig.class, QualityGateSettings.SlotGate.class, PipelineConfig.class);
    }

    private static List<Class<?>> recordsIn(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            List<Class<?>> records = new ArrayList<>();
            for (Type argument : parameterized.getActualTypeArguments()) {
                records.addAll(recordsIn(argument));
            }
            return records;
        }
        return type instanceof Class<?> raw && raw.isRecord() ? List.of(raw) : List.of();
    }
}
