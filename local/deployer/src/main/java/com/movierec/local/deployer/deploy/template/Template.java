package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation template as the local deployer reads it: Resources, Parameters, Conditions, Mappings and Outputs.
 * Rules are not read: CDK's only rule checks the bootstrap version in SSM, which a local deploy has no use for.
 */
public final class Template {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, TemplateResource> resources;
    private final Map<String, JsonNode> parameters;
    private final Map<String, JsonNode> conditions;
    private final JsonNode mappings;
    private final Map<String, TemplateOutput> outputs;

    private Template(Map<String, TemplateResource> resources, Map<String, JsonNode> parameters,
                     Map<String, JsonNode> conditions, JsonNode mappings, Map<String, TemplateOutput> outputs) {
        this.resources = Collections.unmodifiableMap(resources);
        this.parameters = Collections.unmodifiableMap(parameters);
        this.conditions = Collections.unmodifiableMap(conditions);
        this.mappings = mappings;
        this.outputs = Collections.unmodifiableMap(outputs);
    }

    public static Template read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new TemplateException("cannot read the template " + file + ": " + e.getMessage(), e);
        }
    }

    public static Template parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new TemplateException("the template is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Template parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new TemplateException("a template is a JSON object with a Resources section");
        }
        JsonNode resourcesNode = root.path("Resources");
        if (!resourcesNode.isObject() || resourcesNode.isEmpty()) {
            throw new TemplateException("Template format error: At least one Resources member must be defined.");
        }
        Map<String, TemplateResource> resources = new LinkedHashMap<>();
        resourcesNode.properties().forEach(e -> resources.put(e.getKey(), resource(e.getKey(), e.getValue())));
        Map<String, TemplateOutput> outputs = new LinkedHashMap<>();
        root.path("Outputs").properties().forEach(e -> outputs.put(e.getKey(), output(e.getKey(), e.getValue())));
        return new Template(resources, members(root.path("Parameters")), members(root.path("Conditions")),
                root.path("Mappings"), outputs);
    }

    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public TemplateResource resource(String logicalId) {
        TemplateResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("the template has no resource " + logicalId);
        }
        return resource;
    }

    /** Parameter declarations by name (Type, Default, ...). */
    public Map<String, JsonNode> parameters() {
        return parameters;
    }

    public Map<String, JsonNode> conditions() {
        return conditions;
    }

    /** The Mappings section, a missing node when absent. */
    public JsonNode mappings() {
        return mappings;
    }

    public Map<String, TemplateOutput> outputs() {
        return outputs;
    }

    private static TemplateResource resource(String logicalId, JsonNode node) {
        String type = node.path("Type").asText("");
        if (type.isEmpty()) {
            throw new TemplateException("Template format error: resource " + logicalId + " has no Type");
        }
        JsonNode properties = node.path("Properties");
        if (properties.isMissingNode() || properties.isNull()) {
            properties = JsonNodeFactory.instance.objectNode();
        } else if (!properties.isObject()) {
            throw new TemplateException("Template format error: the Properties of " + logicalId + " are not an object");
        }
        return new TemplateResource(logicalId, type, properties, dependsOn(logicalId, node.path("DependsOn")),
                text(node.path("Condition")), node.path("DeletionPolicy").asText(RetentionPolicies.DELETE),
                text(node.path("Metadata").path("aws:cdk:path")));
    }

    private static List<String> dependsOn(String logicalId, JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isTextual()) {
            ids.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(id -> ids.add(id.asText()));
        } else if (!node.isMissingNode()) {
            throw new TemplateException("Template format error: DependsOn of " + logicalId
                    + " must be a logical id or a list of them");
        }
        return ids;
    }

    private static TemplateOutput output(String name, JsonNode node) {
        if (!node.has("Value")) {
            throw new TemplateException("Template format error: output " + name + " has no Value");
        }
        JsonNode exportName = node.path("Export").path("Name");
        return new TemplateOutput(name, node.get("Value"),
                exportName.isMissingNode() ? Optional.empty() : Optional.of(exportName), text(node.path("Condition")));
    }

    private static Map<String, JsonNode> members(JsonNode section) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        section.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
        return members;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
