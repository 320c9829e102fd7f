package com.movierec.infra;

import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;

/** Stages of the fixture configuration built in one app, for the test classes that synthesize once. */
public record SynthesizedStages(App app, PreparedData preparedData, Map<String, MovieRecStage> stages) {

    /** The named environments of {@link Fixtures#context()} with users.csv, in account 111122223333, eu-west-1. */
    public static SynthesizedStages of(Path tmp, String... environments) {
        App app = Fixtures.app(tmp.resolve("cdk.out"));
        PreparedData prepared = Fixtures.loadedPreparedData(tmp.resolve("prepared"), true);
        Map<String, MovieRecStage> stages = new LinkedHashMap<>();
        for (String environment : environments) {
            stages.put(environment, Fixtures.stage(app, Fixtures.config().environment(environment).orElseThrow(),
                    prepared, tmp));
        }
        return new SynthesizedStages(app, prepared, stages);
    }

    public MovieRecStage stage(String environment) {
        return stages.get(environment);
    }
}
