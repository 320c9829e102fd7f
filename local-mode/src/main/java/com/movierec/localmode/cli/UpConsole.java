package com.movierec.localmode.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code up} tells the user between the deploy's own lines, phase by phase: the one place that says how to reach
 * and stop the running product, so further facts about it (endpoints, names) go in here.
 */
final class UpConsole {
    private final PrintWriter out;

    UpConsole(PrintWriter out) {
        this.out = out;
    }

    void deploying(String stage, Path cdkOut, Path deployLog) {
        out.println("==> Deploying stage " + stage + " of " + cdkOut + " into personalize-local (the Personalize "
                + "stack's custom resources run through the lifecycle handlers)");
        line("    Every stack event goes to " + deployLog + " (--verbose prints them here too)");
    }

    void deployed(Duration took) {
        line(String.format(Locale.ROOT, "==> Deployed in %.1f s", took.toMillis() / 1000.0));
    }

    void metrics(String table) {
        out.println("==> Offline metrics of the served models (GetSolutionMetrics: 10% of users held out, their "
                + "newest 10% of interactions to predict)");
        out.print(table);
        out.flush();
    }

    void serving(URI endpoint, Path apiLog, boolean keepOnExit) {
        out.println("==> Serving the web page at " + endpoint + "/ and the API at " + endpoint + " (e.g. " + endpoint
                + "/users/1/recommendations)");
        line("    Each request is logged to " + apiLog + ". Ctrl-C stops"
                + (keepOnExit ? "." : ", after deleting the stage's resources."));
    }

    /** {@code reason}: what asked to stop, e.g. {@code SIGTERM}. */
    void stopping(String reason, String stage, boolean deleting) {
        line(deleting ? "==> " + reason + ": deleting stage " + stage + " (cdk destroy's order)"
                : "==> " + reason + ": stopping without deleting stage " + stage + " (--keep-on-exit)");
    }

    /** After the Delete path: what the engine still holds, counted from its state. */
    void resourcesLeft(int resources) {
        line("==> personalize-local: " + resources + (resources == 1 ? " resource" : " resources") + " left");
    }

    void stopped() {
        line("==> Stopped");
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
