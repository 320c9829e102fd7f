package com.movierec.infra;

import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;

/**
 * Stages of environments a test configures itself (as cdk.json's {@code movierec.environments} would), built in one
 * app in account 111122223333, eu-west-1, with the fixture's prepared data and stand-in jars under {@code tmp}.
 */
public final class ConfiguredStages {
    private ConfiguredStages() {
    }

    /** Environment name to its stage, in the order of {@code environments}. */
    public static Map<String, MovieRecStage> synthesize(Path tmp, Map<String, Object> environments) {
        App app = Fixtures.app(tmp.resolve("cdk.out"));
        PreparedData prepared = Fixtures.loadedPreparedData(tmp.resolve("prepared"), true);
        Map<String, MovieRecStage> stages = new LinkedHashMap<>();
        MovieRecConfigParser.parse(Map.of("environments", environments)).environments().forEach((name, environment) ->
                stages.put(name, Fixtures.stage(app, environment, prepared, tmp)));
        return stages;
    }
}
