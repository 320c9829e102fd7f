package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.StackEvent;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every stack event as one line, the way CloudFormation's event list reads: what the deploy log holds, and what the
 * terminal shows with {@code --verbose}. Flushed per line, so the log is complete up to a failure.
 */
final class EventList implements DeployListener {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter out;

    EventList(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(StackEvent event) {
        out.println(format(event));
        out.flush();
    }

    /**
     * {@code 12:00:01  CREATE_COMPLETE     movierec-dev-personalize  UserPersonalizationCampaign
     * UserPersonalizationCampaign8895DF20 (Custom::PersonalizeCampaign)  12.3 s}.
     */
    static String format(StackEvent event) {
        StringBuilder line = new StringBuilder(TIME.format(event.time())).append("  ")
                .append(String.format(Locale.ROOT, "%-36s", event.status())).append(event.stackName());
        if (!event.isStackEvent()) {
            line.append("  ");
            event.path().ifPresent(path -> line.append(path).append(' '));
            line.append(event.logicalId()).append(" (").append(event.resourceType()).append(')');
        }
        event.elapsed().ifPresent(elapsed -> line.append(String.format(Locale.ROOT, "  %.1f s",
                elapsed.toMillis() / 1000.0)));
        event.reason().ifPresent(reason -> line.append("  ").append(reason));
        return line.toString();
    }
}
