package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.resources.HandlerLookup;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.template.TemplateResource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one resource operation through its handler and reports it as CloudFormation would: *_IN_PROGRESS, then
 * *_COMPLETE with the time it took or *_FAILED with the reason. Any error becomes a {@link ResourceFailure}.
 */
final class ResourceOperations {
    private final StackContext stack;
    private final HandlerLookup handlers;
    private final StackEvents events;

    ResourceOperations(StackContext stack, HandlerLookup handlers, StackEvents events) {
        this.stack = stack;
        this.handlers = handlers;
        this.events = events;
    }

    ResourceRecord create(TemplateResource resource, JsonNode properties, Set<String> dependencies) {
        ResourceRequest request = new ResourceRequest(stack, resource.logicalId(), resource.type(), properties, null);
        ResourceOutcome outcome = run(resource.logicalId(), null, resource.type(), resource.cdkPath(),
                ResourceStatus.CREATE_IN_PROGRESS, null, ResourceStatus.CREATE_COMPLETE, ResourceStatus.CREATE_FAILED,
                () -> handlers.forType(resource.type()).create(request));
        return record(resource, properties, outcome, dependencies);
    }

    /** An update; the record has a new physical id when the handler replaced the resource. */
    ResourceRecord update(TemplateResource resource, JsonNode properties, ResourceRecord before,
                          Set<String> dependencies) {
        ResourceRequest request = new ResourceRequest(stack, resource.logicalId(), resource.type(), properties, before);
        ResourceOutcome outcome = run(resource.logicalId(), before.physicalId(), resource.type(),
                resource.cdkPath(), ResourceStatus.UPDATE_IN_PROGRESS, null, ResourceStatus.UPDATE_COMPLETE,
                ResourceStatus.UPDATE_FAILED, () -> {
                    ResourceOutcome answer = handlers.forType(resource.type()).update(request);
                    if (!answer.physicalId().equals(before.physicalId())) {
                        events.begin(resource.logicalId(), answer.physicalId(), resource.type(), resource.cdkPath(),
                                ResourceStatus.UPDATE_IN_PROGRESS, "Requested update requires the creation of a new "
                                        + "physical resource; hence creating one.");
                    }
                    return answer;
                });
        return record(resource, properties, outcome, dependencies);
    }

    /** Updates {@code after} back to {@code before}'s properties, during an update rollback. */
    ResourceRecord revert(ResourceRecord before, ResourceRecord after, Optional<String> cdkPath) {
        ResourceRequest request = new ResourceRequest(stack, before.logicalId(), before.type(), before.properties(),
                after);
        ResourceOutcome outcome = run(before.logicalId(), after.physicalId(), before.type(), cdkPath,
                ResourceStatus.UPDATE_IN_PROGRESS, null, ResourceStatus.UPDATE_COMPLETE, ResourceStatus.UPDATE_FAILED,
                () -> handlers.forType(before.type()).update(request));
        return new ResourceRecord(before.logicalId(), before.type(), outcome.physicalId(), before.properties(),
                outcome.attributes(), before.dependencies(), before.deletionPolicy());
    }

    void delete(ResourceRecord record, Optional<String> cdkPath) {
        ResourceRequest request = new ResourceRequest(stack, record.logicalId(), record.type(), record.properties(),
                record);
        run(record.logicalId(), record.physicalId(), record.type(), cdkPath, ResourceStatus.DELETE_IN_PROGRESS, null,
                ResourceStatus.DELETE_COMPLETE, ResourceStatus.DELETE_FAILED, () -> {
                    handlers.forType(record.type()).delete(request);
                    return null;
                });
    }

    /** Reports a resource kept by its DeletionPolicy. */
    void skipDelete(ResourceRecord record, Optional<String> cdkPath) {
        events.begin(record.logicalId(), record.physicalId(), record.type(), cdkPath, ResourceStatus.DELETE_SKIPPED,
                "DeletionPolicy " + record.deletionPolicy());
    }

    /**
     * {@code physicalId}: the resource's before the operation, null for a create; the completion reports the one the
     * handler answered (a delete answers none and keeps it), a failure the one it got as far as.
     */
    private ResourceOutcome run(String logicalId, String physicalId, String type, Optional<String> cdkPath,
                                ResourceStatus started, String startReason, ResourceStatus completed,
                                ResourceStatus failed, Supplier<ResourceOutcome> operation) {
        Instant start = events.begin(logicalId, physicalId, type, cdkPath, started, startReason);
        try {
            ResourceOutcome outcome = operation.get();
            events.end(logicalId, outcome == null ? physicalId : outcome.physicalId(), type, cdkPath, completed, start,
                    null);
            return outcome;
        } catch (RuntimeException e) {
            ResourceFailure failure = e instanceof ResourceFailure known ? known
                    : new ResourceFailure(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), null, e);
            events.end(logicalId, failure.physicalId().orElse(physicalId), type, cdkPath, failed, start,
                    failure.getMessage());
            throw failure;
        }
    }

    private static ResourceRecord record(TemplateResource resource, JsonNode properties, ResourceOutcome outcome,
                                         Set<String> dependencies) {
        return new ResourceRecord(resource.logicalId(), resource.type(), outcome.physicalId(), properties,
                outcome.attributes(), dependencies, resource.deletionPolicy());
    }

    /** The record of a resource whose operation failed after it got a physical id, so a rollback can remove it. */
    static ResourceRecord started(TemplateResource resource, JsonNode properties, String physicalId,
                                  Set<String> dependencies) {
        return new ResourceRecord(resource.logicalId(), resource.type(), physicalId, properties, Map.of(),
                dependencies, resource.deletionPolicy());
    }
}
