package com.movierec.local.deployer.cli;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The terminal's view of a deploy or destroy. A line when a stack starts and when it ends (with its time and how many
 * resources it handled); a line per Personalize resource when it is done (what it is, its name, how long it took); a
 * line every {@code interval} while one step waits (an import, a training, a campaign); every failure and every kept
 * resource with its reason. The rest (IAM roles, log groups, API methods: stand-ins done in no time) is left to the
 * deploy log. Infra starts an import or a training with a Personalize resource and awaits it with a WaitCondition in
 * the same construct (DatasetImport, TrainedSolutionVersion): the two read as one line, its time including the wait.
 * Time comes only from the events and {@link #tick}, so what it prints follows from what it is given.
 */
final class DeploySummary implements DeployListener {
    private static final String WAIT_CONDITION = "AWS::CloudFormation::WaitCondition";

    private final PrintWriter out;
    private final DateTimeFormatter clock;
    private final Duration interval;
    private final Map<String, Instant> stackStarts = new HashMap<>();
    private final Map<String, Set<String>> handled = new HashMap<>();
    /** The resource operation in progress; for a WaitCondition, with the job it waits for. */
    private Step current;
    /** A Personalize resource just done; a WaitCondition in its construct may follow, so its line waits one event. */
    private Step done;
    private Instant nextReport;

    DeploySummary(PrintWriter out, ZoneId zone, Duration interval) {
        this.out = out;
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.interval = interval;
    }

    @Override
    public synchronized void onEvent(StackEvent event) {
        if (done != null) {
            if (isWaitStart(event) && done.contains(event)) {
                current = new Step(event, done);
                done = null;
                nextReport = current.since().plus(interval);
                return;
            }
            flush();
        }
        if (event.isStackEvent()) {
            stack(event);
        } else if (event.status() == ResourceStatus.DELETE_SKIPPED) {
            resource(event.time(), "kept", label(event.resourceType()), null,
                    name(event) + event.reason().map(reason -> ": " + reason).orElse(""));
        } else if (event.status().name().endsWith("_IN_PROGRESS")) {
            started(event);
        } else {
            ended(event);
        }
    }

    /** Says what has been waiting, once every {@code interval} while it waits. */
    synchronized void tick(Instant now) {
        if (current == null || now.isBefore(nextReport)) {
            return;
        }
        Step waiting = current.job == null ? current : current.job;
        resource(now, "waiting", label(waiting.type()), Duration.between(current.since(), now),
                waiting.name() + " (" + PersonalizeKinds.activity(waiting.type(), waiting.first.status()) + ")");
        while (!nextReport.isAfter(now)) {
            nextReport = nextReport.plus(interval);
        }
    }

    /** Prints the line a finished Personalize resource still holds back. */
    synchronized void flush() {
        if (done != null) {
            Step finished = done;
            done = null;
            resource(finished.last.time(), finished.verb(), label(finished.type()), finished.took(), finished.name());
        }
    }

    private void started(StackEvent event) {
        // A replacement reports a second UPDATE_IN_PROGRESS for the resource already in progress.
        if (current == null || !current.same(event)) {
            current = new Step(event, null);
            nextReport = event.time().plus(interval);
        }
    }

    private void ended(StackEvent event) {
        Step step = current != null && current.same(event) ? current.endedBy(event) : new Step(event, null);
        current = null;
        if (!event.status().failed()) {
            handled.computeIfAbsent(event.stackName(), stack -> new LinkedHashSet<>()).add(event.logicalId());
        }
        if (step.job != null) {
            Step job = step.job;
            String activity = PersonalizeKinds.activity(job.type(), job.first.status());
            Duration total = Duration.between(job.since(), event.time());
            if (event.status().failed()) {
                resource(event.time(), "failed", label(job.type()), total, job.name() + ": " + reason(event));
            } else {
                resource(event.time(), job.verb(), label(job.type()), total,
                        job.name() + " (" + activity + " " + seconds(step.took()) + ")");
            }
        } else if (event.status().failed()) {
            resource(event.time(), "failed", label(event.resourceType()), step.took(),
                    step.name() + ": " + reason(event));
        } else if (PersonalizeKinds.isPersonalize(event.resourceType())) {
            done = step;
            if (event.status() == ResourceStatus.DELETE_COMPLETE) {
                flush();
            }
        }
    }

    private void stack(StackEvent event) {
        String stack = event.stackName();
        boolean inProgress = event.status().name().endsWith("_IN_PROGRESS");
        if (inProgress) {
            stackStarts.putIfAbsent(stack, event.time());
        }
        StringBuilder line = new StringBuilder(clock.format(event.time())).append("  ").append(stack).append("  ")
                .append(event.status());
        if (!inProgress) {
            Instant start = stackStarts.remove(stack);
            Set<String> resources = handled.remove(stack);
            if (start != null) {
                line.append("  ").append(seconds(Duration.between(start, event.time())));
            }
            if (resources != null && !resources.isEmpty()) {
                line.append(", ").append(resources.size()).append(resources.size() == 1 ? " resource" : " resources");
            }
        }
        event.reason().ifPresent(reason -> line.append("  ").append(reason));
        out.println(line);
        out.flush();
    }

    /** {@code 12:00:01    created   campaign              0.3 s  movierec-dev-user-personalization-45623678}. */
    private void resource(Instant time, String verb, String what, Duration took, String detail) {
        out.println(String.format(Locale.ROOT, "%s    %-8s  %-18s  %10s  %s", clock.format(time), verb, what,
                took == null ? "" : seconds(took), detail));
        out.flush();
    }

    private static boolean isWaitStart(StackEvent event) {
        return event.resourceType().equals(WAIT_CONDITION) && event.status().name().endsWith("_IN_PROGRESS");
    }

    private static String label(String type) {
        return PersonalizeKinds.label(type);
    }

    private static String reason(StackEvent event) {
        return event.reason().orElse("(no reason given)");
    }

    /** {@code 4.6 s}, or {@code 12 min 05 s} from a minute on. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, millis / 1000 % 60);
    }

    private static String name(StackEvent event) {
        return event.physicalId().map(PersonalizeKinds::name)
                .or(event::path).orElse(event.logicalId());
    }

    /** One resource operation: its first event, its last, and for a WaitCondition the job it waits for. */
    private static final class Step {
        private final StackEvent first;
        private final StackEvent last;
        private final Step job;

        Step(StackEvent first, Step job) {
            this(first, first, job);
        }

        private Step(StackEvent first, StackEvent last, Step job) {
            this.first = first;
            this.last = last;
            this.job = job;
        }

        Step endedBy(StackEvent event) {
            return new Step(first, event, job);
        }

        boolean same(StackEvent event) {
            return first.stackName().equals(event.stackName()) && first.logicalId().equals(event.logicalId());
        }

        /** Whether {@code event}'s resource is in this one's construct: {@code X/Completion/Condition} in {@code X}. */
        boolean contains(StackEvent event) {
            Optional<String> parent = first.path().filter(path -> path.contains("/"))
                    .map(path -> path.substring(0, path.lastIndexOf('/')));
            return parent.isPresent() && first.stackName().equals(event.stackName())
                    && event.path().filter(path -> path.startsWith(parent.get() + "/")).isPresent();
        }

        String type() {
            return first.resourceType();
        }

        /** When the wait began: for a WaitCondition, when its job was started. */
        Instant since() {
            return job == null ? first.time() : job.first.time();
        }

        Duration took() {
            return last.elapsed().orElse(Duration.between(first.time(), last.time()));
        }

        String name() {
            return DeploySummary.name(last.physicalId().isPresent() ? last : first);
        }

        String verb() {
            return switch (last.status()) {
                case CREATE_COMPLETE -> "created";
                case UPDATE_COMPLETE -> first.physicalId().isPresent() && last.physicalId().isPresent()
                        && !first.physicalId().equals(last.physicalId()) ? "replaced" : "updated";
                case DELETE_COMPLETE -> "deleted";
                default -> last.status().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
