package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.DependencyGraph;
import com.movierec.local.deployer.deploy.template.RetentionPolicies;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes a deployed stack as CloudFormation does: every resource after its dependants, in the dependency order
 * recorded when it was deployed, keeping those whose DeletionPolicy retains them. When a delete fails, what that
 * resource needs cannot be deleted either and stays; the rest is deleted, and the stack is left DELETE_FAILED with
 * what remains, so a later destroy can finish.
 */
public final class StackDestruction {
    private final StackContext stack;
    private final StackServices services;
    private final StackEvents events;
    private final ResourceOperations operations;
    private final StateWriter state;

    public StackDestruction(StackContext stack, String displayName, StackServices services) {
        this.stack = stack;
        this.services = services;
        this.events = new StackEvents(stack.stackName(), displayName, services.listener());
        this.operations = new ResourceOperations(stack, services.handlers(), events);
        this.state = new StateWriter(stack.stackName(), services.store());
    }

    /** Deletes the stack; does nothing when it was never deployed. */
    public void destroy() {
        Optional<StackState> deployed = services.store().load(stack.stackName());
        if (deployed.isEmpty()) {
            return;
        }
        events.stack(ResourceStatus.DELETE_IN_PROGRESS, null);
        Map<String, ResourceRecord> remaining = new LinkedHashMap<>(deployed.get().resources());
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        remaining.forEach((id, record) -> dependencies.put(id, record.dependencies()));
        DependencyGraph graph = new DependencyGraph(dependencies);
        Set<String> blocked = new HashSet<>();
        List<String> problems = new ArrayList<>();
        ResourceFailure first = null;
        String firstId = null;
        for (String id : graph.deletionOrder()) {
            if (blocked.contains(id)) {
                continue;
            }
            ResourceRecord record = remaining.get(id);
            try {
                if (RetentionPolicies.retainedOnDelete(record.deletionPolicy())) {
                    operations.skipDelete(record, Optional.empty());
                } else {
                    operations.delete(record, Optional.empty());
                }
                remaining.remove(id);
                state.save(remaining, ResourceStatus.DELETE_IN_PROGRESS, deployed.get().outputs());
            } catch (ResourceFailure failure) {
                problems.add(id + ": " + failure.getMessage());
                blocked.addAll(graph.withDependencies(id));
                if (first == null) {
                    first = failure;
                    firstId = id;
                }
            }
        }
        if (problems.isEmpty()) {
            state.remove();
            events.stack(ResourceStatus.DELETE_COMPLETE, null);
            return;
        }
        state.save(remaining, ResourceStatus.DELETE_FAILED, deployed.get().outputs());
        events.stack(ResourceStatus.DELETE_FAILED, "The following resource(s) failed to delete: " + problems);
        throw new DeploymentFailedException(stack.stackName(), firstId, remaining.get(firstId).type(),
                first.getMessage(), null, ResourceStatus.DELETE_FAILED, problems);
    }
}
