package com.movierec.local.deployer.deploy.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.deployer.deploy.assembly.AssetCatalog;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.util.Map;
import java.util.Set;

/** Resource requests for handler tests, in a stack {@code test-stack} in eu-west-1, account 000000000000. */
public final class Requests {
    public static final StackContext STACK = new StackContext("test-stack",
            "arn:aws:cloudformation:eu-west-1:000000000000:stack/test-stack/1", "eu-west-1", "000000000000",
            AssetCatalog.empty());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ResourceRequest create(String logicalId, String type, String properties) {
        return new ResourceRequest(STACK, logicalId, type, json(properties), null);
    }

    /** An update of {@code previous} to new properties. */
    public static ResourceRequest update(ResourceRecord previous, String properties) {
        return new ResourceRequest(STACK, previous.logicalId(), previous.type(), json(properties), previous);
    }

    public static ResourceRequest delete(ResourceRecord previous) {
        return new ResourceRequest(STACK, previous.logicalId(), previous.type(), previous.properties(), previous);
    }

    public static ResourceRecord record(String logicalId, String type, String physicalId, String properties,
                                        Map<String, String> attributes) {
        return new ResourceRecord(logicalId, type, physicalId, json(properties), attributes, Set.of(), "Delete");
    }
}
