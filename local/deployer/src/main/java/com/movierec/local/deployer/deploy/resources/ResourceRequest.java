package com.movierec.local.deployer.deploy.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.state.ResourceRecord;

/**
 * One resource operation, as CloudFormation hands it to a resource provider.
 *
 * @param properties the resolved properties to create or update with; for a delete, those it was deployed with
 * @param previous   the resource as deployed: null for a create, its current record for an update or a delete
 */
public record ResourceRequest(StackContext stack, String logicalId, String type, JsonNode properties,
                              ResourceRecord previous) {

    public String physicalId() {
        return previous == null ? null : previous.physicalId();
    }

    /** A property as text, or {@code otherwise} when absent. */
    public String text(String property, String otherwise) {
        JsonNode value = properties.path(property);
        return value.isValueNode() && !value.isNull() ? value.asText() : otherwise;
    }
}
