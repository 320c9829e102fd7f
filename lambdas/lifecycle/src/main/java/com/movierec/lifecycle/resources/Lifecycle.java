package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.RetriesExhausted;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.watcher.WatcherLauncher;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;

/**
 * Dispatches a custom resource event to its resource type and turns any error into a {@link Failure} whose message
 * names the resource, which is what CloudFormation shows. Logs carry the request and the resource as fields, never
 * the event itself.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Map<CustomResourceType, PersonalizeResource> resources = new EnumMap<>(CustomResourceType.class);

    public Lifecycle(PersonalizeClient personalize, WatcherLauncher watchers, Retry retry) {
        resources.put(CustomResourceType.SCHEMA, new SchemaResource(personalize, retry));
        resources.put(CustomResourceType.DATASET_GROUP, new DatasetGroupResource(personalize, retry));
        resources.put(CustomResourceType.DATASET, new DatasetResource(personalize, retry));
        resources.put(CustomResourceType.DATASET_IMPORT_JOB,
                new DatasetImportJobResource(personalize, retry, watchers));
        resources.put(CustomResourceType.SOLUTION, new SolutionResource(personalize, retry));
        resources.put(CustomResourceType.SOLUTION_VERSION, new SolutionVersionResource(personalize, retry, watchers));
        resources.put(CustomResourceType.SOLUTION_METRICS, new SolutionMetricsResource(personalize, retry));
        resources.put(CustomResourceType.CAMPAIGN, new CampaignResource(personalize, retry));
        resources.put(CustomResourceType.EVENT_TRACKER, new EventTrackerResource(personalize, retry));
        resources.put(CustomResourceType.FILTER, new FilterResource(personalize, retry));
    }

    public Map<String, Object> onEvent(Map<String, Object> event) {
        return handle("onEvent", event, (resource, parsed) -> resource.onEvent(parsed).toMap());
    }

    public Map<String, Object> isComplete(Map<String, Object> event) {
        return handle("isComplete", event, (resource, parsed) -> resource.isComplete(parsed).toMap());
    }

    private Map<String, Object> handle(String phase, Map<String, Object> rawEvent,
                                       BiFunction<PersonalizeResource, CustomResourceEvent, Map<String, Object>> work) {
        CustomResourceEvent event = CustomResourceEvent.from(rawEvent);
        PersonalizeResource resource = resources.get(event.resourceType());
        String name = resource.name(event);
        MDC.put("request_type", event.requestType().toString());
        MDC.put("resource_type", event.resourceType().toString());
        MDC.put("logical_id", event.logicalId());
        MDC.put("resource_name", name);
        if (event.physicalId() != null) {
            MDC.put("physical_id", event.physicalId());
        }
        LOG.info(phase + " " + event.requestType() + " " + event.resourceType());
        try {
            Map<String, Object> answer = work.apply(resource, event);
            LOG.info(phase + " answered", entry("answer", answer));
            return answer;
        } catch (Failure e) {
            LOG.error(e.getMessage());
            throw e;
        } catch (SdkException | RetriesExhausted e) {
            // An answer from AWS: its code and message say everything; a stack trace would only add noise.
            Failure failure = Failure.of(event.resourceType(), name, explain(e), e);
            LOG.error(failure.getMessage());
            throw failure;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(event.resourceType(), name, explain(e), e);
            LOG.error(failure.getMessage(), e);
            throw failure;
        }
    }

    private static String explain(RuntimeException e) {
        if (e instanceof ResourceAlreadyExistsException) {
            return Retry.describe(e) + " (the name is taken, perhaps by a resource an earlier failed deploy left "
                    + "behind: delete it, or change a property the name is derived from)";
        }
        return Retry.describe(e);
    }
}
