package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import com.movierec.infra.api.JwtStages;
import com.movierec.infra.config.MovieRecConfigParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * cdk-nag's AwsSolutions pack runs on every stage: no stack of any environment may have an unsuppressed error or
 * warning, whether it is synthesized for an account (a deploy) or without one (cdk synth with no credentials).
 */
class NagComplianceTest {
    @TempDir
    static Path tmp;
    private static List<Stack> stacks;
    private static MovieRecStage agnostic;

    @BeforeAll
    static void synthesize() {
        stacks = new ArrayList<>();
        SynthesizedStages.of(tmp.resolve("accounts"), "dev", "staging", "prod").stages().values()
                .forEach(stage -> stacks.addAll(stacksOf(stage)));

        App app = Fixtures.app(tmp.resolve("agnostic/cdk.out"));
        agnostic = new MovieRecStage(app, "dev", Fixtures.stageProps(Fixtures.config().environment("dev").orElseThrow(),
                Fixtures.loadedPreparedData(tmp.resolve("agnostic/prepared"), true), tmp.resolve("agnostic"),
                Environment.builder().build()));
        stacks.addAll(stacksOf(agnostic));

        // The other auth mode and the optional settings, so their resources are checked too.
        Map<String, Object> iam = new LinkedHashMap<>(Fixtures.environment(false, false, 1));
        iam.put("api", Map.of("auth", "iam", "allowedOrigins", List.of(), "reservedConcurrency", 5));
        App iamApp = Fixtures.app(tmp.resolve("iam/cdk.out"));
        stacks.addAll(stacksOf(Fixtures.stage(iamApp, MovieRecConfigParser.parse(Map.of("environments",
                        Map.of("iam", iam))).environment("iam").orElseThrow(),
                Fixtures.loadedPreparedData(tmp.resolve("iam/prepared"), true), tmp.resolve("iam"))));
        // api.auth "jwt": a created pool with and without MFA and threat protection, and an existing pool.
        for (String jwt : List.of(JwtStages.CREATED, JwtStages.STRICT, JwtStages.PLAIN, JwtStages.EXISTING)) {
            stacks.addAll(stacksOf(JwtStages.synthesize(jwt, tmp.resolve("jwt"))));
        }
    }

    @Test
    void everyStackOfEveryStageHasNoUnsuppressedAwsSolutionsError() {
        // 9 stages of Data, Personalize, Api, Batch and Retraining (none of them uses auto-training).
        assertThat(stacks).hasSize(45);
        assertThat(stacks).flatExtracting(stack -> describe(Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
    }

    @Test
    void everyStackOfEveryStageHasNoUnsuppressedAwsSolutionsWarning() {
        assertThat(stacks).flatExtracting(stack -> describe(Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
    }

    @Test
    void noStackHasAnyOtherWarning() {
        assertThat(stacks).flatExtracting(stack -> describe(Annotations.fromStack(stack)
                .findWarning("*", Match.anyValue()))).isEmpty();
    }

    @Test
    void theChecksRunOnEveryStage() {
        App app = Fixtures.app(tmp.resolve("guard/cdk.out"));
        MovieRecStage stage = Fixtures.stage(app, Fixtures.config().environment("staging").orElseThrow(),
                Fixtures.loadedPreparedData(tmp.resolve("guard/prepared"), false), tmp.resolve("guard"));
        new Bucket(stage.dataStack(), "UnloggedBucket");

        assertThat(describe(Annotations.fromStack(stage.dataStack())
                .findError("*", Match.stringLikeRegexp("AwsSolutions-S1: .*"))))
                .singleElement().asString().contains("UnloggedBucket");
    }

    private static List<Stack> stacksOf(MovieRecStage stage) {
        List<Stack> stacks = new ArrayList<>(List.of(stage.dataStack(), stage.personalizeStack(), stage.apiStack()));
        stage.batchStack().ifPresent(stacks::add);
        stage.retrainingStack().ifPresent(stacks::add);
        return stacks;
    }

    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }
}
