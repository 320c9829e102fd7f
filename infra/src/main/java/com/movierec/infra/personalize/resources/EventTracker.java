package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/** {@code Custom::PersonalizeEventTracker}: records live interactions; its tracking id goes to the API. */
public final class EventTracker extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.EVENT_TRACKER.cloudFormationName();

    public EventTracker(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
    }

    /** What PutEvents calls name as trackingId. */
    public String trackingId() {
        return resource().getAttString("TrackingId");
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("event tracker", props.name()));
        properties.put("DatasetGroupArn", props.datasetGroup().arn());
        return properties;
    }

    /**
     * @param lifecycle    the custom-resource provider
     * @param name         the Personalize name
     * @param datasetGroup the group whose interactions dataset receives the events
     */
    public record Props(LifecycleProvider lifecycle, String name, DatasetGroup datasetGroup) {
        public Props {
            require("lifecycle", lifecycle);
            require("datasetGroup", datasetGroup);
        }
    }
}
