package com.movierec.local.deployer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which synthesized stage: every subcommand's first two options. */
final class StageArguments {
    @Option(names = "--cdk-out", defaultValue = "cdk.out",
            description = "The cloud assembly (default: ${DEFAULT-VALUE}).")
    Path cdkOut;

    @Option(names = "--stage", defaultValue = "dev", description = "The stage to deploy (default: ${DEFAULT-VALUE}).")
    String stage;
}
