package com.movierec.local.deployer.deploy.state;

import com.movierec.local.deployer.deploy.ResourceStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a local deploy left of one stack: its status, its resources by logical id (in creation order) and its
 * outputs. A second deploy of the stack reads it to update rather than create.
 */
public record StackState(String stackName, ResourceStatus status, Map<String, ResourceRecord> resources,
                         Map<String, OutputValue> outputs) {

    public StackState {
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public Optional<ResourceRecord> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The physical id of {@code logicalId}, or a message naming what this stack does have. */
    public String physicalId(String logicalId) {
        return resource(logicalId).map(ResourceRecord::physicalId).orElseThrow(() -> new IllegalArgumentException(
                stackName + " has no resource " + logicalId));
    }

    /** Output values by output name. */
    public Map<String, String> outputValues() {
        Map<String, String> values = new LinkedHashMap<>();
        outputs.forEach((name, output) -> values.put(name, output.value()));
        return values;
    }
}
