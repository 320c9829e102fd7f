package com.movierec.local.deployer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How deploy, destroy and up report: every stack event to a log file; a summary, or every event, on the terminal. */
final class ProgressArguments {
    @Option(names = "--deploy-log", defaultValue = "data/local-mode/deploy.log",
            description = "Where every stack event goes, one line each; each run replaces it "
                    + "(default: ${DEFAULT-VALUE}).")
    Path deployLog;

    @Option(names = "--verbose",
            description = "Print every stack event, not one line per stack and per Personalize resource.")
    boolean verbose;

    DeployProgress open(PrintWriter out) {
        return DeployProgress.open(deployLog, verbose, out);
    }
}
