package com.movierec.local.deployer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void deployPrintsALinePerStackAndPersonalizeResourceAndTheOutputsAndDestroyRemovesEverything() throws Exception {
        int deployed = run("deploy");

        assertThat(deployed).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).containsPattern("\\d\\d:\\d\\d:\\d\\d  movierec-dev-personalize  CREATE_IN_PROGRESS\\n")
                .containsPattern("movierec-dev-personalize  CREATE_COMPLETE  \\d+\\.\\d s, \\d+ resources\\n")
                .containsPattern("created +dataset group +\\d+\\.\\d s  movierec-dev-dataset-group\\n")
                .containsPattern("created +dataset import job +\\d+\\.\\d s  movierec-dev-import-interactions-\\w+ "
                        + "\\(import \\d+\\.\\d s\\)\\n")
                .containsPattern("created +solution version +\\d+\\.\\d s  movierec-dev-user-personalization-\\w+/\\w+ "
                        + "\\(training \\d+\\.\\d s\\)\\n")
                .containsPattern("created +campaign +\\d+\\.\\d s  movierec-dev-user-personalization-\\w+\\n")
                .contains("movierec-dev-personalize.UserPersonalizationCampaignArn = arn:aws:personalize:eu-west-1:"
                        + "000000000000:campaign/movierec-dev-user-personalization-",
                        "Every stack event: " + tmp.resolve("deploy.log"))
                .doesNotContain("AWS::IAM::Role", "WaitCondition");
        String log = Files.readString(tmp.resolve("deploy.log"));
        long personalizeResources = log.lines()
                .filter(line -> line.matches(".*CREATE_COMPLETE .*\\(Custom::Personalize\\w+\\).*")).count();
        assertThat(printed.lines().filter(line -> line.matches(".*    created +.*")).count()).as("one line each")
                .isEqualTo(personalizeResources).isGreaterThan(20);
        assertThat(log)
                .containsPattern("CREATE_IN_PROGRESS +movierec-dev-personalize  UserPersonalizationCampaign "
                        + "UserPersonalizationCampaign\\w+ \\(Custom::PersonalizeCampaign\\)\\n")
                .containsPattern("CREATE_COMPLETE +movierec-dev-api  .+ \\(AWS::IAM::Role\\)  \\d+\\.\\d s\\n");
        assertThat(tmp.resolve("state")).isDirectoryContaining("glob:**/movierec-dev-personalize.json");

        assertThat(run("destroy")).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("deleted +campaign +\\d+\\.\\d s  movierec-dev-user-personalization-")
                .containsPattern("movierec-dev-data  DELETE_COMPLETE  \\d+\\.\\d s, \\d+ resources\\n");
        assertThat(Files.readString(tmp.resolve("deploy.log"))).as("destroy replaced the deploy's log")
                .doesNotContain("CREATE_").containsPattern("DELETE_COMPLETE +movierec-dev-data\\n$");
        assertThat(engine.resources()).isEmpty();
        assertThat(tmp.resolve("state")).isEmptyDirectory();
    }

    @Test
    void verbosePrintsEveryStackEventAsTheDeployLogHoldsIt() throws Exception {
        int deployed = run("deploy", "--verbose");

        assertThat(deployed).as(err.toString()).isZero();
        List<String> log = Files.readAllLines(tmp.resolve("deploy.log"));
        assertThat(log).hasSizeGreaterThan(100);
        assertThat(out.toString().lines().toList()).containsSubsequence(log);
        assertThat(out.toString()).containsPattern("CREATE_COMPLETE +movierec-dev-personalize  "
                + "UserPersonalizationCampaign UserPersonalizationCampaign\\w+ \\(Custom::PersonalizeCampaign\\)  "
                + "\\d+\\.\\d s");
    }

    @Test
    void aDeployLogThatCannotBeWrittenIsRefusedWithTheOption() throws Exception {
        Path directory = Files.createDirectories(tmp.resolve("a-directory"));

        int exit = run("deploy", "--deploy-log", directory.toString());

        assertThat(exit).isEqualTo(LocalModeCommand.UNUSABLE);
        assertThat(err.toString()).startsWith("error: cannot write the deploy log " + directory)
                .contains("choose another file with --deploy-log").doesNotContain("\tat ");
        assertThat(engine.resources()).isEmpty();
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

    /** {@code command} on this test's assembly, engine, state and deploy log; {@code extra} options come last. */
    private int run(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--cdk-out",
                SynthesizedDev.base().directory().toString(), "--endpoint", engine.server.endpoint().toString(),
                "--s3-root", engine.s3Root.toString(), "--state-dir", tmp.resolve("state").toString(),
                "--poll-ms", "20", "--watcher-poll-cap-ms", "50"));
        if (!List.of(extra).contains("--deploy-log")) {
            args.addAll(List.of("--deploy-log", tmp.resolve("deploy.log").toString()));
        }
        args.addAll(List.of(extra));
        return LocalModeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
    }
}
