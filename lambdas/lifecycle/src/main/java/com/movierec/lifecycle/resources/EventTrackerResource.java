package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DeleteEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DescribeEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.EventTracker;

/** {@code Custom::PersonalizeEventTracker}: Name, DatasetGroupArn; attributes Arn and TrackingId. */
public final class EventTrackerResource extends DescribedResource<EventTracker> {
    private final PersonalizeClient personalize;

    public EventTrackerResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.EVENT_TRACKER, retry);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        CreateEventTrackerRequest request = CreateEventTrackerRequest.builder()
                .name(properties.required("Name"))
                .datasetGroupArn(properties.required("DatasetGroupArn"))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateEventTracker", () -> personalize.createEventTracker(request)).eventTrackerArn();
    }

    @Override
    protected Map<String, String> attributes(String arn, EventTracker tracker) {
        return Map.of("Arn", arn, "TrackingId", tracker.trackingId());
    }

    @Override
    protected Optional<EventTracker> describe(String arn) {
        return found(() -> call("DescribeEventTracker", () -> personalize.describeEventTracker(
                DescribeEventTrackerRequest.builder().eventTrackerArn(arn).build())).eventTracker());
    }

    @Override
    protected String status(EventTracker tracker) {
        return tracker.status();
    }

    /** Personalize's EventTracker has no failureReason. */
    @Override
    protected String failureReason(EventTracker tracker) {
        return null;
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteEventTracker", () -> personalize.deleteEventTracker(
                DeleteEventTrackerRequest.builder().eventTrackerArn(arn).build()));
    }
}
