package com.movierec.local.deployer.deploy.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties as CloudFormation passes them to a custom resource: objects and lists keep their shape, every scalar
 * becomes a string ({@code 1} is {@code "1"}, {@code true} is {@code "true"}).
 */
final class CloudFormationValues {
    private CloudFormationValues() {
    }

    static Map<String, Object> stringify(JsonNode properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return stringify(node);
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(element -> out.add(value(element)));
            return out;
        }
        return node.isNull() ? null : node.asText();
    }
}
