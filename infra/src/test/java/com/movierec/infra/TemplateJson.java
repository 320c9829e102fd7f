package com.movierec.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** A synthesized template as JSON, with the lookups the stack tests share. */
public final class TemplateJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode template;

    private TemplateJson(JsonNode template) {
        this.template = template;
    }

    public static TemplateJson of(Template template) {
        return new TemplateJson(JSON.valueToTree(template.toJSON()));
    }

    public JsonNode root() {
        return template;
    }

    /** Logical id to resource, for every resource of a type. */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        assertThat(resource.isMissingNode()).as("resource %s exists", logicalId).isFalse();
        return resource;
    }

    /** The logical id of the one resource of a type whose properties contain {@code text}. */
    public String logicalId(String type, String text) {
        List<String> ids = resources(type).entrySet().stream()
                .filter(entry -> entry.getValue().path("Properties").toString().contains(text))
                .map(Map.Entry::getKey).toList();
        assertThat(ids).as("exactly one %s mentioning %s", type, text).hasSize(1);
        return ids.get(0);
    }

    public List<String> dependsOn(String logicalId) {
        List<String> ids = new ArrayList<>();
        resource(logicalId).path("DependsOn").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Every IAM statement of the template: roles' inline and trust policies, and AWS::IAM::Policy documents. */
    public List<JsonNode> iamStatements() {
        List<JsonNode> statements = new ArrayList<>();
        resources("AWS::IAM::Policy").values().forEach(policy ->
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add));
        resources("AWS::IAM::Role").values().forEach(role ->
                role.path("Properties").path("Policies").forEach(policy ->
                        policy.path("PolicyDocument").path("Statement").forEach(statements::add)));
        return statements;
    }

    /** A value as text: Fn::Join flattened, Ref as ${Name}, Fn::GetAtt as ${Id.Attr}, Fn::ImportValue as ${import}. */
    public static String text(JsonNode value) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return "${" + value.get("Ref").asText() + "}";
        }
        if (value.has("Fn::GetAtt")) {
            return "${" + value.get("Fn::GetAtt").get(0).asText() + "." + value.get("Fn::GetAtt").get(1).asText() + "}";
        }
        if (value.has("Fn::ImportValue")) {
            return "${import:" + value.get("Fn::ImportValue").asText() + "}";
        }
        if (value.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            String separator = value.get("Fn::Join").get(0).asText();
            List<String> parts = new ArrayList<>();
            value.get("Fn::Join").get(1).forEach(part -> parts.add(text(part)));
            joined.append(String.join(separator, parts));
            return joined.toString();
        }
        return value.toString();
    }

    /** A statement's actions or resources as flattened text, whether the template holds one or a list. */
    public static List<String> texts(JsonNode oneOrMany) {
        List<String> values = new ArrayList<>();
        if (oneOrMany.isArray()) {
            oneOrMany.forEach(value -> values.add(text(value)));
        } else if (!oneOrMany.isMissingNode()) {
            values.add(text(oneOrMany));
        }
        return values;
    }
}
