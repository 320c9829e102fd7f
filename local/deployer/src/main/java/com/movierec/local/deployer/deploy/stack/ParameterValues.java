package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The values of a template's Parameters: those given, else their Default. An SSM-typed parameter (CDK's
 * BootstrapVersion) keeps its Default, the parameter's name, as there is no Parameter Store locally.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    static Map<String, JsonNode> of(Template template, Map<String, String> given) {
        TreeSet<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(template.parameters().keySet());
        if (!unknown.isEmpty()) {
            throw new TemplateException("Parameters: " + unknown + " do not exist in the template");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        template.parameters().forEach((name, declaration) -> {
            String value = given.containsKey(name) ? given.get(name)
                    : declaration.path("Default").isMissingNode() ? null : declaration.path("Default").asText();
            if (value == null) {
                throw new TemplateException("Parameters: [" + name + "] must have values");
            }
            String type = declaration.path("Type").asText("String");
            values.put(name, type.startsWith("List<") || type.equals("CommaDelimitedList") ? list(value)
                    : TextNode.valueOf(value));
        });
        return values;
    }

    private static ArrayNode list(String value) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String item : value.split(",", -1)) {
            list.add(item.trim());
        }
        return list;
    }
}
