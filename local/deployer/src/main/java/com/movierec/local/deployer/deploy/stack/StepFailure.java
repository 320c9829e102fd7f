package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A resource (or the outputs) failed during a deploy: what the rollback and the failure report need.
 *
 * @param properties the failed resource's resolved properties, null when they could not be resolved
 */
final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String logicalId;
    private final String type;
    private final transient JsonNode properties;

    StepFailure(String logicalId, String type, String reason, JsonNode properties) {
        super(reason, null, false, false);
        this.logicalId = logicalId;
        this.type = type;
        this.properties = properties;
    }

    String logicalId() {
        return logicalId;
    }

    String type() {
        return type;
    }

    String reason() {
        return getMessage();
    }

    JsonNode properties() {
        return properties;
    }
}
