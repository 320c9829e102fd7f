package com.movierec.infra.pipeline;

import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.MovieRecConfig;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.data.PreparedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Template;

/**
 * A pipeline stack of the fixture environments (dev, staging, prod; staging's API on IAM auth, the others on API
 * keys) in account 111122223333, eu-west-1, deploying dev, staging, prod with an approval before prod; each test class
 * synthesizes it once.
 */
record SynthesizedPipeline(App app, PipelineStack stack, TemplateJson json) {
    static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:111122223333:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    static final String REPOSITORY = "octo-org/movierec";
    static final String BRANCH = "release/2026";
    static final String CLI_VERSION = "2.1148.1";

    static SynthesizedPipeline of(Path tmp) {
        return of(tmp, environments -> { });
    }

    /** The same after {@code change} edits the environments' settings, by name. */
    static SynthesizedPipeline of(Path tmp, Consumer<Map<String, Map<String, Object>>> change) {
        App app = Fixtures.app(tmp.resolve("cdk.out"));
        PipelineStack stack = new PipelineStack(app, PipelineStack.STACK_NAME, new PipelineStackProps(config(change),
                stages(tmp), Environment.builder().account(Fixtures.ACCOUNT).region(Fixtures.REGION).build(),
                CLI_VERSION));
        return new SynthesizedPipeline(app, stack, TemplateJson.of(Template.fromStack(stack)));
    }

    static MovieRecConfig config(Consumer<Map<String, Map<String, Object>>> change) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fixture = (Map<String, Object>) Fixtures.context().get("environments");
        Map<String, Map<String, Object>> environments = new LinkedHashMap<>();
        fixture.forEach((name, settings) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) settings);
            environments.put(name, copy);
        });
        environments.get("staging").put("api", Map.of("auth", "iam"));
        change.accept(environments);
        return MovieRecConfigParser.parse(Map.of("environments", environments, "pipeline", pipeline()));
    }

    static Map<String, Object> pipeline() {
        return Map.of("connectionArn", CONNECTION, "repository", REPOSITORY, "branch", BRANCH,
                "stages", List.of("dev", "staging", "prod"), "manualApprovalBefore", List.of("prod"));
    }

    /** Stages as the app builds them, from stand-in jars and a tiny prepared-data directory under {@code tmp}. */
    static StageFactory stages(Path tmp) {
        PreparedData prepared = Fixtures.loadedPreparedData(tmp.resolve("prepared"), true);
        return (scope, environment, env) -> new MovieRecStage(scope, environment.name(),
                Fixtures.stageProps(environment, prepared, tmp, env));
    }
}
