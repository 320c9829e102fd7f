package com.movierec.lifecycle.core;

import com.movierec.schemas.contract.CustomResourceType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a CloudFormation custom resource event that the lifecycle uses, as the CDK Provider framework passes
 * them to onEvent and (with the PhysicalResourceId onEvent answered) to isComplete. The ResponseURL is deliberately
 * not kept: the framework answers CloudFormation, and nothing here may log it.
 */
public final class CustomResourceEvent {
    /** CloudFormation adds the provider's ARN to every resource's properties; it never describes the resource. */
    private static final String SERVICE_TOKEN = "ServiceToken";

    private final RequestType requestType;
    private final CustomResourceType resourceType;
    private final String logicalId;
    private final String physicalId;
    private final Properties properties;
    private final Properties oldProperties;

    private CustomResourceEvent(RequestType requestType, CustomResourceType resourceType, String logicalId,
                                String physicalId, Properties properties, Properties oldProperties) {
        this.requestType = requestType;
        this.resourceType = resourceType;
        this.logicalId = logicalId;
        this.physicalId = physicalId;
        this.properties = properties;
        this.oldProperties = oldProperties;
    }

    public static CustomResourceEvent from(Map<String, Object> event) {
        if (event == null) {
            throw Failure.of("the event is empty: onEvent and isComplete expect a CloudFormation custom resource event");
        }
        RequestType requestType = RequestType.of(text(event, "RequestType"));
        CustomResourceType resourceType = resourceType(text(event, "ResourceType"));
        return new CustomResourceEvent(requestType, resourceType, text(event, "LogicalResourceId"),
                text(event, "PhysicalResourceId"),
                new Properties(resourceType, map(event, "ResourceProperties")),
                new Properties(resourceType, map(event, "OldResourceProperties")));
    }

    public RequestType requestType() {
        return requestType;
    }

    public CustomResourceType resourceType() {
        return resourceType;
    }

    public String logicalId() {
        return logicalId;
    }

    /** Absent on Create's onEvent; on isComplete it is what onEvent answered. */
    public String physicalId() {
        return physicalId;
    }

    public Properties properties() {
        return properties;
    }

    /** Empty unless this is an Update. */
    public Properties oldProperties() {
        return oldProperties;
    }

    /** The properties whose value differs between OldResourceProperties and ResourceProperties. */
    public Set<String> changedProperties() {
        Set<String> names = new LinkedHashSet<>(properties.asMap().keySet());
        names.addAll(oldProperties.asMap().keySet());
        names.remove(SERVICE_TOKEN);
        names.removeIf(name -> Objects.equals(properties.asMap().get(name), oldProperties.asMap().get(name)));
        return names;
    }

    /** The contract's type of this name; any other fails, naming the types these functions serve. */
    private static CustomResourceType resourceType(String cloudFormationName) {
        return CustomResourceType.find(cloudFormationName).orElseThrow(() -> Failure.of("unknown ResourceType '"
                + cloudFormationName + "': these functions serve "
                + Arrays.stream(CustomResourceType.values()).map(CustomResourceType::toString)
                        .collect(Collectors.joining(", "))));
    }

    private static String text(Map<String, Object> event, String key) {
        Object value = event.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> event, String key) {
        Object value = event.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw Failure.of("the event's " + key + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
