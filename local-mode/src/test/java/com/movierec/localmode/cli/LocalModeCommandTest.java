package com.movierec.localmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.localmode.testing.LocalEngine;
import com.movierec.localmode.testing.SynthesizedDev;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as main runs it, against an in-process personalize-local. */
class LocalModeCommandTest {
    @TempDir
    Path tmp;
    private LocalEngine engine;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        engine = LocalEngine.startWithoutIam(tmp.resolve("s3"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void deployPrintsEachStepAndTheOutputsAndDestroyRemovesEverything() {
        int deployed = run("deploy");

        assertThat(deployed).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("CREATE_IN_PROGRESS +movierec-dev-personalize  "
                        + "UserPersonalizationCampaign UserPersonalizationCampaign\\w+ "
                        + "\\(Custom::PersonalizeCampaign\\)")
                .containsPattern("CREATE_COMPLETE +movierec-dev-personalize  UserPersonalizationCampaign "
                        + "UserPersonalizationCampaign\\w+ \\(Custom::PersonalizeCampaign\\)  \\d+\\.\\d s")
                .contains("movierec-dev-personalize.UserPersonalizationCampaignArn = arn:aws:personalize:eu-west-1:"
                        + "000000000000:campaign/movierec-dev-user-personalization-");
        assertThat(tmp.resolve("state")).isDirectoryContaining("glob:**/movierec-dev-personalize.json");

        assertThat(run("destroy")).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("DELETE_COMPLETE +movierec-dev-data\\n");
        assertThat(engine.resources()).isEmpty();
        assertThat(tmp.resolve("state")).isEmptyDirectory();
    }

    @Test
    void aFailedDeployExitsWithOneAndTheReason() {
        engine.server.engine().faults().failNextImport("the file is empty");

        assertThat(run("deploy")).isEqualTo(LocalModeCommand.FAILED);
        assertThat(err.toString()).startsWith("error: InteractionsImportJob")
                .contains("is CREATE FAILED: the file is empty", "is ROLLBACK_COMPLETE");
    }

    @Test
    void aMissingAssemblyExitsWithThreeAndNoSubcommandWithTwo() {
        assertThat(LocalModeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "deploy",
                "--cdk-out", tmp.resolve("nothing").toString())).isEqualTo(LocalModeCommand.UNUSABLE);
        assertThat(err.toString()).contains("manifest.json does not exist: synthesize the app first");
        assertThat(LocalModeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true)))
                .isEqualTo(LocalModeCommand.USAGE);
    }

    private int run(String command) {
        List<String> args = List.of(command, "--cdk-out", SynthesizedDev.base().directory().toString(),
                "--endpoint", engine.server.endpoint().toString(), "--s3-root", engine.s3Root.toString(),
                "--state-dir", tmp.resolve("state").toString(), "--poll-ms", "20", "--watcher-poll-cap-ms", "50");
        return LocalModeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }
}
