package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;

/**
 * A resource with properties Personalize changes in place (Dataset, Solution, Campaign). isComplete follows the
 * resource's latest update: it waits while the update that carries the requested values runs and fails with its
 * failureReason. When Personalize refused the update because another one was running, it is sent again once that
 * one has settled; when the requested values are already in effect (a rollback to an update that failed), it is done.
 *
 * @param <T> the SDK model class Describe returns
 */
public abstract class UpdatableResource<T> extends DescribedResource<T> {

    protected UpdatableResource(CustomResourceType type, Retry retry) {
        super(type, retry);
    }

    /** Personalize's latest update of the resource and whether it carries the values this event asks for. */
    protected record LatestUpdate(String status, String failureReason, boolean matchesRequest) {
    }

    /** Sends the Update call with the event's values. */
    protected abstract void requestUpdate(CustomResourceEvent event, String arn);

    protected abstract Optional<LatestUpdate> latestUpdate(CustomResourceEvent event, T resource);

    /** Whether the resource's current values are already the ones the event asks for. */
    protected abstract boolean currentMatchesRequest(CustomResourceEvent event, T resource);

    @Override
    protected final void update(CustomResourceEvent event, String arn) {
        if (!changesInPlace(event)) {
            super.update(event, arn);
            return;
        }
        tryUpdate(event, arn);
    }

    @Override
    protected final Completion awaitUpdated(CustomResourceEvent event, String arn) {
        if (!changesInPlace(event)) {
            return awaitCreated(event, arn);
        }
        T resource = describeExisting(event, arn);
        Optional<LatestUpdate> latest = latestUpdate(event, resource);
        if (latest.isPresent() && latest.get().matchesRequest()) {
            String status = latest.get().status();
            if (Status.isActive(status)) {
                return awaitCreated(event, arn);
            }
            if (Status.isFailed(status)) {
                throw Failure.status(type, name(event) + " update", status, latest.get().failureReason());
            }
            log.info("waiting for the update", entry("arn", arn), entry("status", status));
            return Completion.waiting();
        }
        if (latest.isPresent() && !Status.isSettled(latest.get().status())) {
            log.info("another update is still running; ours follows it", entry("arn", arn),
                    entry("status", latest.get().status()));
            return Completion.waiting();
        }
        if (currentMatchesRequest(event, resource)) {
            return awaitCreated(event, arn);
        }
        tryUpdate(event, arn);
        return Completion.waiting();
    }

    private boolean changesInPlace(CustomResourceEvent event) {
        return event.changedProperties().stream().anyMatch(inPlaceProperties()::contains);
    }

    private void tryUpdate(CustomResourceEvent event, String arn) {
        try {
            requestUpdate(event, arn);
            log.info("update requested", entry("arn", arn), entry("changed", event.changedProperties()));
        } catch (ResourceInUseException e) {
            log.info("busy, so the update is sent again on the next poll", entry("arn", arn),
                    entry("reason", e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
        }
    }
}
