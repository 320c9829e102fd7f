package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.OnEventResult;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import com.movierec.schemas.contract.ResourceProperties;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.TagResourceRequest;
import software.amazon.awssdk.services.personalize.model.UntagResourceRequest;

/**
 * The request-type logic every resource shares. Create makes the resource; an Update that changes a property
 * Personalize cannot change makes a new one (CloudFormation then deletes the old physical id); other Updates change
 * it in place (a change of {@code Tags} never replaces: TagResource/UntagResource apply it); Delete of a physical
 * id that is not an ARN (a Create that failed before Personalize answered) is a no-op. isComplete waits for whichever of these onEvent started.
 */
public abstract class LifecycleResource implements PersonalizeResource {
    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final CustomResourceType type;
    private final Retry retry;

    protected LifecycleResource(CustomResourceType type, Retry retry) {
        this.type = type;
        this.retry = retry;
    }

    @Override
    public final OnEventResult onEvent(CustomResourceEvent event) {
        return switch (event.requestType()) {
            case CREATE -> created(event);
            case UPDATE -> {
                if (replaces(event)) {
                    log.info("replacing: a property Personalize cannot change has changed",
                            entry("changed", replacingChanges(event)));
                    yield created(event);
                }
                if (event.changedProperties().contains(ResourceProperties.TAGS)) {
                    retag(event, event.physicalId());
                }
                update(event, event.physicalId());
                yield OnEventResult.withArn(event.physicalId());
            }
            case DELETE -> {
                if (Arns.isArn(event.physicalId())) {
                    delete(event, event.physicalId());
                } else {
                    log.info("nothing to delete: the physical id is not an ARN, so Personalize never created it");
                }
                yield OnEventResult.of(event.physicalId());
            }
        };
    }

    private OnEventResult created(CustomResourceEvent event) {
        String arn = create(event);
        log.info("creation started", entry("arn", arn));
        return OnEventResult.withArn(arn);
    }

    @Override
    public final Completion isComplete(CustomResourceEvent event) {
        String arn = event.physicalId();
        return switch (event.requestType()) {
            case CREATE -> awaitCreated(event, requireArn(event));
            case UPDATE -> replaces(event) ? awaitCreated(event, requireArn(event)) : awaitUpdated(event, arn);
            case DELETE -> Arns.isArn(arn) ? awaitDeleted(event, arn) : Completion.done(Map.of());
        };
    }

    @Override
    public String name(CustomResourceEvent event) {
        Object name = event.properties().asMap().get(nameProperty());
        if (name instanceof String text && !text.isBlank()) {
            return text;
        }
        return Arns.isArn(event.physicalId()) ? Arns.resourceName(event.physicalId()) : event.logicalId();
    }

    /** The property that holds the Personalize name. */
    protected String nameProperty() {
        return "Name";
    }

    /** The properties an Update changes without replacing the resource. */
    protected Set<String> inPlaceProperties() {
        return Set.of();
    }

    /**
     * The client that applies a change of {@code Tags} in place; null (the default) for a type Personalize does
     * not tag (Schema, SolutionMetrics), whose Tags are ignored.
     */
    protected PersonalizeClient tagging() {
        return null;
    }

    /** Applies a change of Tags to the existing resource: UntagResource for removed keys, TagResource for the rest. */
    private void retag(CustomResourceEvent event, String arn) {
        PersonalizeClient personalize = tagging();
        if (personalize == null) {
            log.info("Tags changed, but Personalize does not tag this type: nothing to do");
            return;
        }
        Map<String, String> before = ResourceTags.of(type, event.oldProperties());
        Map<String, String> after = ResourceTags.of(type, event.properties());
        List<String> removed = before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
        Map<String, String> added = new LinkedHashMap<>(after);
        added.entrySet().removeIf(tag -> tag.getValue().equals(before.get(tag.getKey())));
        if (!removed.isEmpty()) {
            run("UntagResource", () -> personalize.untagResource(
                    UntagResourceRequest.builder().resourceArn(arn).tagKeys(removed).build()));
        }
        if (!added.isEmpty()) {
            run("TagResource", () -> personalize.tagResource(
                    TagResourceRequest.builder().resourceArn(arn).tags(ResourceTags.sdkTags(added)).build()));
        }
        log.info("tags changed in place", entry("arn", arn), entry("tagged", added.keySet()),
                entry("untagged", removed));
    }

    /** Starts creating the resource and answers its ARN. */
    protected abstract String create(CustomResourceEvent event);

    /** Changes the {@link #inPlaceProperties()} that changed; nothing by default. */
    protected void update(CustomResourceEvent event, String arn) {
        log.info("nothing to change in Personalize", entry("changed", event.changedProperties()));
    }

    protected abstract Completion awaitCreated(CustomResourceEvent event, String arn);

    protected Completion awaitUpdated(CustomResourceEvent event, String arn) {
        return awaitCreated(event, arn);
    }

    protected abstract void delete(CustomResourceEvent event, String arn);

    protected abstract Completion awaitDeleted(CustomResourceEvent event, String arn);

    /** Calls Personalize through the throttling retry; {@code operation} is the API name. */
    protected final <T> T call(String operation, Supplier<T> call) {
        return retry.call(operation, call);
    }

    /** Runs a call whose response carries nothing this resource needs. */
    protected final void run(String operation, Runnable call) {
        retry.call(operation, () -> {
            call.run();
            return null;
        });
    }

    final boolean replaces(CustomResourceEvent event) {
        return !Arns.isArn(event.physicalId()) || !replacingChanges(event).isEmpty();
    }

    private Set<String> replacingChanges(CustomResourceEvent event) {
        Set<String> changed = new LinkedHashSet<>(event.changedProperties());
        changed.removeAll(inPlaceProperties());
        changed.remove(ResourceProperties.TAGS);
        return changed;
    }

    private String requireArn(CustomResourceEvent event) {
        if (!Arns.isArn(event.physicalId())) {
            throw Failure.of(type, name(event), "isComplete got the physical id '" + event.physicalId()
                    + "', not an ARN: onEvent did not create the resource");
        }
        return event.physicalId();
    }
}
