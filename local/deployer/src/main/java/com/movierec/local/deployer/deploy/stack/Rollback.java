package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.state.OutputValue;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.RetentionPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Undoes a failed deploy's changes, the last first. A create deletes everything it made (keeping resources whose
 * DeletionPolicy is Retain or Snapshot, as CloudFormation does) and leaves no stack. An update deletes the resources
 * it created, deletes the replacements it made (the old resources were never touched), and updates in-place changes
 * back to the old properties, leaving the stack as it was, UPDATE_ROLLBACK_COMPLETE. An undo that fails is reported
 * and the rest still undone; the stack is then *_ROLLBACK_FAILED with what is left, for a destroy to finish.
 */
final class Rollback {
    private final StateWriter state;
    private final StackEvents events;
    private final ResourceOperations operations;
    private final Function<String, Optional<String>> cdkPaths;

    Rollback(StateWriter state, StackEvents events, ResourceOperations operations,
             Function<String, Optional<String>> cdkPaths) {
        this.state = state;
        this.events = events;
        this.operations = operations;
        this.cdkPaths = cdkPaths;
    }

    /** Rolls back and answers the exception that reports the failure and how the rollback ended. */
    DeploymentFailedException run(StepFailure failure, List<Change> changes, Map<String, ResourceRecord> working,
                                  Optional<StackState> previous) {
        boolean creating = previous.isEmpty();
        FailureAttribution.Report report = FailureAttribution.of(failure.logicalId(), failure.type(), failure.reason(),
                failure.properties(), working.values());
        events.stack(creating ? ResourceStatus.ROLLBACK_IN_PROGRESS : ResourceStatus.UPDATE_ROLLBACK_IN_PROGRESS,
                "The following resource(s) failed to " + (creating ? "create" : "update") + ": ["
                        + failure.logicalId() + "].");
        Map<String, OutputValue> outputs = previous.map(StackState::outputs).orElse(Map.of());
        List<String> problems = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            try {
                undo(change, creating, working);
            } catch (ResourceFailure undoFailure) {
                problems.add(change.logicalId() + ": " + undoFailure.getMessage());
            }
            state.save(working, creating ? ResourceStatus.ROLLBACK_IN_PROGRESS
                    : ResourceStatus.UPDATE_ROLLBACK_IN_PROGRESS, outputs);
        }
        ResourceStatus status = finish(creating, problems, working, previous);
        events.stack(status, null);
        return new DeploymentFailedException(state.stackName(), report.logicalId(), report.type(), report.reason(),
                report.signalledTo(), status, problems);
    }

    private ResourceStatus finish(boolean creating, List<String> problems, Map<String, ResourceRecord> working,
                                  Optional<StackState> previous) {
        if (creating) {
            if (problems.isEmpty()) {
                state.remove();
                return ResourceStatus.ROLLBACK_COMPLETE;
            }
            state.save(working, ResourceStatus.ROLLBACK_FAILED, Map.of());
            return ResourceStatus.ROLLBACK_FAILED;
        }
        StackState before = previous.get();
        ResourceStatus status = problems.isEmpty() ? ResourceStatus.UPDATE_ROLLBACK_COMPLETE
                : ResourceStatus.UPDATE_ROLLBACK_FAILED;
        state.save(problems.isEmpty() ? before.resources() : working, status, before.outputs());
        return status;
    }

    private void undo(Change change, boolean creating, Map<String, ResourceRecord> working) {
        Optional<String> path = cdkPaths.apply(change.logicalId());
        switch (change) {
            case Change.Created created -> {
                ResourceRecord record = created.record();
                if (creating && RetentionPolicies.retainedOnRollback(record.deletionPolicy())) {
                    operations.skipDelete(record, path);
                } else {
                    operations.delete(record, path);
                }
                working.remove(record.logicalId());
            }
            case Change.UpdatedInPlace updated -> working.put(updated.before().logicalId(),
                    operations.revert(updated.before(), updated.after(), path));
            case Change.Replaced replaced -> {
                operations.delete(replaced.after(), path);
                working.put(replaced.before().logicalId(), replaced.before());
            }
        }
    }
}
