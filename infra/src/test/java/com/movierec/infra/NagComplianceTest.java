package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                .forEach(stage -> stacks.addAll(List.of(stage.dataStack(), stage.personalizeStack())));

        App app = Fixtures.app(tmp.resolve("agnostic/cdk.out"));
        agnostic = new MovieRecStage(app, "dev", MovieRecStageProps.builder()
                .config(Fixtures.config().environment("dev").orElseThrow())
                .preparedData(Fixtures.loadedPreparedData(tmp.resolve("agnostic/prepared"), true))
                .lifecycleJar(Fixtures.lifecycleJar(tmp.resolve("agnostic/jar")))
                .env(Environment.builder().build())
                .build());
        stacks.addAll(List.of(agnostic.dataStack(), agnostic.personalizeStack()));
    }

    @Test
    void everyStackOfEveryStageHasNoUnsuppressedAwsSolutionsError() {
        assertThat(stacks).hasSize(8);
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
                Fixtures.loadedPreparedData(tmp.resolve("guard/prepared"), false),
                Fixtures.lifecycleJar(tmp.resolve("guard/jar")));
        new Bucket(stage.dataStack(), "UnloggedBucket");

        assertThat(describe(Annotations.fromStack(stage.dataStack())
                .findError("*", Match.stringLikeRegexp("AwsSolutions-S1: .*"))))
                .singleElement().asString().contains("UnloggedBucket");
    }

    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }
}
