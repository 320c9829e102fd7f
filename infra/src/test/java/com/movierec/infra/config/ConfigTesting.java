package com.movierec.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.movierec.infra.SynthException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses a configuration with one environment, dev, or collects the sentences it is rejected with. */
final class ConfigTesting {
    static final String DEV = "movierec.environments.dev.";

    private ConfigTesting() {
    }

    static MovieRecConfig parse(Map<String, Object> dev) {
        return MovieRecConfigParser.parse(Map.of("environments", Map.of("dev", dev)));
    }

    static EnvironmentConfig dev(Map<String, Object> dev) {
        return parse(dev).environment("dev").orElseThrow();
    }

    static List<String> envProblems(Map<String, Object> dev) {
        return problems(Map.of("environments", Map.of("dev", dev)));
    }

    static List<String> problems(Object context) {
        SynthException failure = catchThrowableOfType(SynthException.class, () -> MovieRecConfigParser.parse(context));
        assertThat(failure).as("the configuration should have been rejected").isNotNull();
        return failure.problems();
    }

    /**
     * An environment in eu-west-1 built without the parser, with the defaults but for the parts its compact
     * constructor checks against each other.
     */
    static EnvironmentConfig environment(RecipeSelection recipes, boolean autoTraining, QualityGateSettings gate,
                                         MonitoringSettings monitoring, RetrainingSettings retraining,
                                         BatchRecommendationSettings batch) {
        EnvironmentConfig defaults = dev(Map.of());
        TrainingSettings training = defaults.training();
        return new EnvironmentConfig("dev", Optional.empty(), Optional.of("eu-west-1"), defaults.dataset(),
                defaults.preparedDataDir(), defaults.eventType(), recipes, defaults.campaign(),
                new TrainingSettings(training.hpo(), autoTraining, training.autoTrainingSchedule(),
                        training.timeoutHours(), training.pollSeconds()), defaults.retainDataOnDestroy(), defaults.api(),
                gate, monitoring, retraining, batch, defaults.tags());
    }

    /** {@code key, value, key, value...} as a map that, unlike Map.of, takes JSON nulls. */
    static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
