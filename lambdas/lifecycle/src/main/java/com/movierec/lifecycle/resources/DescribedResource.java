package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * A resource whose Describe call reports a status: isComplete waits for ACTIVE (failing with Personalize's
 * failureReason) and, on Delete, until Describe no longer finds it. A delete Personalize refuses because something
 * still uses the resource, or because it is still being created, is sent again on the next poll.
 *
 * @param <T> the SDK model class Describe returns
 */
public abstract class DescribedResource<T> extends LifecycleResource {

    protected DescribedResource(CustomResourceType type, Retry retry) {
        super(type, retry);
    }

    /** The resource, or empty once Personalize no longer knows the ARN. */
    protected abstract Optional<T> describe(String arn);

    protected abstract String status(T resource);

    protected abstract String failureReason(T resource);

    /** Sends the Delete call. */
    protected abstract void requestDelete(String arn);

    /** What Fn::GetAtt reads once the resource is ACTIVE. */
    protected Map<String, String> attributes(String arn, T resource) {
        return Map.of("Arn", arn);
    }

    @Override
    protected Completion awaitCreated(CustomResourceEvent event, String arn) {
        T resource = describeExisting(event, arn);
        String status = status(resource);
        if (Status.isActive(status)) {
            log.info("active", entry("arn", arn));
            return Completion.done(attributes(arn, resource));
        }
        if (Status.isFailed(status)) {
            throw Failure.status(type, name(event), status, failureReason(resource));
        }
        log.info("waiting for ACTIVE", entry("arn", arn), entry("status", status));
        return Completion.waiting();
    }

    /** Whether Personalize can delete the resource now; a Solution first has to stop the versions in training. */
    protected boolean readyToDelete(String arn) {
        return true;
    }

    @Override
    protected final void delete(CustomResourceEvent event, String arn) {
        if (readyToDelete(arn)) {
            tryDelete(arn);
        }
    }

    @Override
    protected final Completion awaitDeleted(CustomResourceEvent event, String arn) {
        Optional<T> resource = describe(arn);
        if (resource.isEmpty()) {
            log.info("deleted", entry("arn", arn));
            return Completion.done(Map.of());
        }
        String status = status(resource.get());
        if (Status.isDeleting(status)) {
            log.info("waiting until gone", entry("arn", arn), entry("status", status));
            return Completion.waiting();
        }
        if (status != null && status.startsWith("DELETE")) {
            throw Failure.status(type, name(event), status, failureReason(resource.get()));
        }
        if (readyToDelete(arn)) {
            tryDelete(arn);
        }
        return Completion.waiting();
    }

    protected final T describeExisting(CustomResourceEvent event, String arn) {
        return describe(arn).orElseThrow(() -> Failure.of(type, name(event),
                "Personalize no longer knows " + arn + "; it was deleted outside this stack"));
    }

    /** Delete is idempotent: gone already is done, in use is "try again on the next poll". */
    private void tryDelete(String arn) {
        try {
            requestDelete(arn);
            log.info("delete requested", entry("arn", arn));
        } catch (ResourceNotFoundException e) {
            log.info("already deleted", entry("arn", arn));
        } catch (ResourceInUseException e) {
            log.info("in use, so the delete is sent again on the next poll", entry("arn", arn),
                    entry("reason", e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
        }
    }

    /** Adapts a Describe call: ResourceNotFoundException means empty. */
    protected static <R> Optional<R> found(Supplier<R> describe) {
        try {
            return Optional.ofNullable(describe.get());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
