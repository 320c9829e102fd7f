package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.DependencyGraph;
import com.movierec.local.deployer.deploy.template.RetentionPolicies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * CloudFormation's UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, after every create and update of an update succeeded: deletes
 * the resources the template no longer has and the old resources that were replaced, dependants first in the old
 * dependency order. A failed delete is reported and the resource left behind; the update stays complete.
 */
final class Cleanup {
    /** An old record the update made obsolete: its resource left the template, or was replaced. */
    record Obsolete(ResourceRecord record, boolean removed) {
    }

    private final StackEvents events;
    private final ResourceOperations operations;
    private final Function<String, Optional<String>> cdkPaths;

    Cleanup(StackEvents events, ResourceOperations operations, Function<String, Optional<String>> cdkPaths) {
        this.events = events;
        this.operations = operations;
        this.cdkPaths = cdkPaths;
    }

    static List<Obsolete> obsolete(StackState previous, Collection<String> deployed, List<Change> changes) {
        List<Obsolete> obsolete = new ArrayList<>();
        previous.resources().forEach((id, record) -> {
            if (!deployed.contains(id)) {
                obsolete.add(new Obsolete(record, true));
            }
        });
        changes.forEach(change -> {
            if (change instanceof Change.Replaced replaced) {
                obsolete.add(new Obsolete(replaced.before(), false));
            }
        });
        return obsolete;
    }

    /** Deletes {@code obsolete} and drops the removed resources from {@code working}. */
    void run(StackState previous, List<Obsolete> obsolete, Map<String, ResourceRecord> working) {
        if (obsolete.isEmpty()) {
            return;
        }
        events.stack(ResourceStatus.UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, null);
        Map<String, Set<String>> oldDependencies = new LinkedHashMap<>();
        previous.resources().forEach((id, record) -> oldDependencies.put(id, record.dependencies()));
        for (String id : new DependencyGraph(oldDependencies).deletionOrder()) {
            obsolete.stream().filter(entry -> entry.record().logicalId().equals(id)).forEach(entry -> {
                delete(entry.record());
                if (entry.removed()) {
                    working.remove(id);
                }
            });
        }
    }

    private void delete(ResourceRecord record) {
        Optional<String> path = cdkPaths.apply(record.logicalId());
        if (RetentionPolicies.retainedOnDelete(record.deletionPolicy())) {
            operations.skipDelete(record, path);
            return;
        }
        try {
            operations.delete(record, path);
        } catch (ResourceFailure failure) {
            // Reported as DELETE_FAILED by the operation; CloudFormation leaves the resource and completes the update.
        }
    }
}
