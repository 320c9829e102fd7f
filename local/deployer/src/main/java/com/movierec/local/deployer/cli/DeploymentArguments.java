package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.state.FileStateStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options deploy and destroy share: which stage, where personalize-local is, where state is kept, how progress is
 * reported.
 */
final class DeploymentArguments {
    @Mixin
    StageArguments target;

    @Mixin
    ProgressArguments progress;

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:8900",
            description = "personalize-local's URL (default: ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--s3-root", defaultValue = "data/local-mode/s3",
            description = "personalize-local's --s3-root: buckets become directories in it "
                    + "(default: ${DEFAULT-VALUE}).")
    Path s3Root;

    @Option(names = "--state-dir", defaultValue = "data/local-mode/state",
            description = "Where the deployed stacks are recorded, one JSON file each (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--region", description = "personalize-local's --region; default: the stage's region.")
    String region;

    @Option(names = "--account", description = "personalize-local's --account; default: the stage's account, "
            + "else 000000000000.")
    String account;

    @Option(names = "--poll-ms", defaultValue = "250",
            description = "How often isComplete is polled, in ms (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--watcher-poll-cap-ms", defaultValue = "1000",
            description = "The longest wait between two checks of an import or a training, in ms "
                    + "(default: ${DEFAULT-VALUE}).")
    long watcherPollCapMillis;

    DeployOptions options(DeployListener listener) {
        return DeployOptions.defaults(endpoint, s3Root)
                .withStateStore(new FileStateStore(stateDir))
                .withListener(listener)
                .withRegion(region)
                .withAccountId(account)
                .withCompletionPollInterval(Duration.ofMillis(pollMillis))
                .withWatcherPollCap(Duration.ofMillis(watcherPollCapMillis));
    }
}
