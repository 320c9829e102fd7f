package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reports a stack's lifecycle steps to the listener, with the time each resource operation took. */
final class StackEvents {
    private final String stackName;
    private final String displayName;
    private final DeployListener listener;
    private ResourceStatus pendingStart;

    StackEvents(String stackName, String displayName, DeployListener listener) {
        this.stackName = stackName;
        this.displayName = displayName;
        this.listener = listener;
    }

    /**
     * Reports the stack's *_IN_PROGRESS only with its first resource event: an update that changes nothing is
     * reported by {@link #unchanged} alone, as CloudFormation says "No updates are to be performed" and starts none.
     */
    void starting(ResourceStatus status) {
        pendingStart = status;
    }

    /** The run changed nothing: the stack keeps {@code status}. */
    void unchanged(ResourceStatus status) {
        pendingStart = null;
        stack(status, "No updates are to be performed.");
    }

    void stack(ResourceStatus status, String reason) {
        flushStart();
        listener.onEvent(new StackEvent(Instant.now(), stackName, stackName, Optional.empty(), StackEvent.STACK_TYPE,
                status, Optional.empty(), Optional.ofNullable(reason), Optional.empty()));
    }

    /**
     * Reports an operation starting; answers the time to pass to {@link #end}. {@code physicalId} is null while the
     * resource has none (a create).
     */
    Instant begin(String logicalId, String physicalId, String type, Optional<String> cdkPath, ResourceStatus status,
                  String reason) {
        flushStart();
        Instant now = Instant.now();
        listener.onEvent(new StackEvent(now, stackName, logicalId, Optional.ofNullable(physicalId), type, status,
                shortPath(cdkPath), Optional.ofNullable(reason), Optional.empty()));
        return now;
    }

    void end(String logicalId, String physicalId, String type, Optional<String> cdkPath, ResourceStatus status,
             Instant started, String reason) {
        Instant now = Instant.now();
        listener.onEvent(new StackEvent(now, stackName, logicalId, Optional.ofNullable(physicalId), type, status,
                shortPath(cdkPath), Optional.ofNullable(reason), Optional.of(Duration.between(started, now))));
    }

    private void flushStart() {
        if (pendingStart != null) {
            ResourceStatus status = pendingStart;
            pendingStart = null;
            stack(status, null);
        }
    }

    /** {@code dev/Personalize/DatasetGroup/Resource/Default} reads {@code DatasetGroup} under its stack. */
    private Optional<String> shortPath(Optional<String> cdkPath) {
        return cdkPath.map(path -> {
            String shorter = path.startsWith(displayName + "/") ? path.substring(displayName.length() + 1) : path;
            return shorter.replaceAll("(/Resource|/Default)+$", "");
        });
    }
}
