package com.movierec.infra.api;

import static com.movierec.infra.TemplateJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.TemplateJson;
import java.util.Map;
import java.util.TreeMap;

/** Lookups in an API stack's template that the API tests share. */
final class ApiTemplates {
    private ApiTemplates() {
    }

    /** Every AWS::ApiGateway::Method by "METHOD /path", e.g. "GET /movies/popular". */
    static Map<String, JsonNode> methods(TemplateJson template) {
        Map<String, JsonNode> methods = new TreeMap<>();
        template.resources("AWS::ApiGateway::Method").values().forEach(method -> {
            JsonNode properties = method.path("Properties");
            String key = properties.path("HttpMethod").asText() + " " + path(template, properties.path("ResourceId"));
            if (methods.put(key, method) != null) {
                throw new AssertionError("two methods for " + key);
            }
        });
        return methods;
    }

    /** The methods of the OpenAPI operations, without the CORS preflights. */
    static Map<String, JsonNode> operations(TemplateJson template) {
        Map<String, JsonNode> operations = methods(template);
        operations.keySet().removeIf(key -> key.startsWith("OPTIONS "));
        return operations;
    }

    /** The logical id of the one resource of a type. */
    static String only(TemplateJson template, String type) {
        Map<String, JsonNode> resources = template.resources(type);
        if (resources.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + resources.keySet());
        }
        return resources.keySet().iterator().next();
    }

    static JsonNode properties(TemplateJson template, String type) {
        return template.resource(only(template, type)).path("Properties");
    }

    /** A resource id is the API's root (${Api.RootResourceId}) or ${Resource}, whose parent leads to the root. */
    private static String path(TemplateJson template, JsonNode resourceId) {
        String reference = text(resourceId);
        if (reference.endsWith(".RootResourceId}")) {
            return "/";
        }
        JsonNode resource = template.resource(reference.substring(2, reference.length() - 1)).path("Properties");
        String parent = path(template, resource.path("ParentId"));
        return (parent.equals("/") ? "" : parent) + "/" + resource.path("PathPart").asText();
    }
}
