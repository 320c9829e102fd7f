package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tags: the {@code tags} member of the Create calls that take it, TagResource, UntagResource and
 * ListTagsForResource. Tags are stored by ARN and change nothing else; the ARN is not checked against the engine.
 */
final class TagOperations {
    private final Map<String, Map<String, String>> byArn = new ConcurrentHashMap<>();

    static TagOperations register(OperationTable table) {
        TagOperations tags = new TagOperations();
        table.add("TagResource", r -> {
            tags.put(r.string("resourceArn"), tags(r));
            return Json.object();
        });
        table.add("UntagResource", r -> {
            List<String> keys = r.strings("tagKeys");
            tags.byArn.computeIfPresent(r.string("resourceArn"), (arn, current) -> {
                Map<String, String> left = new LinkedHashMap<>(current);
                if (keys != null) {
                    keys.forEach(left::remove);
                }
                return left;
            });
            return Json.object();
        });
        table.add("ListTagsForResource", r -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            tags.byArn.getOrDefault(r.string("resourceArn"), Map.of()).forEach((key, value) ->
                    list.add(Json.object().put("tagKey", key).put("tagValue", value)));
            return Json.object().set("tags", list);
        });
        return tags;
    }

    /** Keeps a Create call's {@code tags} for the ARN its response names ({@code <x>Arn}). */
    JsonNode created(RequestFields request, JsonNode response) {
        Map<String, String> tags = tags(request);
        if (!tags.isEmpty() && response instanceof ObjectNode object) {
            object.properties().stream()
                    .filter(member -> member.getKey().endsWith("Arn") && member.getValue().isTextual())
                    .findFirst()
                    .ifPresent(member -> put(member.getValue().textValue(), tags));
        }
        return response;
    }

    private void put(String arn, Map<String, String> tags) {
        byArn.merge(arn, tags, (current, added) -> {
            Map<String, String> merged = new LinkedHashMap<>(current);
            merged.putAll(added);
            return merged;
        });
    }

    /** The request's {@code tags}: a list of {@code {tagKey, tagValue}}, both required by the model. */
    private static Map<String, String> tags(RequestFields request) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<RequestFields> list = request.objects("tags");
        if (list == null) {
            return tags;
        }
        for (RequestFields tag : list) {
            tags.put(tag.string("tagKey"), tag.string("tagValue"));
        }
        return tags;
    }
}
