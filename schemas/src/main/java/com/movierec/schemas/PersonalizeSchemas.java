package com.movierec.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the project's Personalize schemas by dataset type and domain. The Avro files under {@code schemas/avro} are
 * the only copy of the schema text: data-prep, the Lambdas and infra all read them through this class.
 *
 * <p>A domain directory holds only the schemas that differ from the custom ones (VIDEO_ON_DEMAND requires a
 * non-null CREATION_TIMESTAMP on items); for the other dataset types the custom schema is the domain schema.
 */
public final class PersonalizeSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Domain, Map<DatasetType, PersonalizeSchema>> CACHE = new ConcurrentHashMap<>();

    private PersonalizeSchemas() {
    }

    /** The schema of a custom dataset group. */
    public static PersonalizeSchema load(DatasetType type) {
        return load(type, Domain.CUSTOM);
    }

    public static PersonalizeSchema load(DatasetType type, Domain domain) {
        return CACHE.computeIfAbsent(domain, d -> new EnumMap<>(DatasetType.class))
                .computeIfAbsent(type, t -> read(t, domain));
    }

    /**
     * A schema someone else wrote (e.g. one a Personalize client created), read from its Avro JSON the same way as
     * the project's own. Throws UncheckedIOException when the text is not JSON.
     */
    public static PersonalizeSchema parse(DatasetType type, Domain domain, String json) {
        return new PersonalizeSchema(type, domain, json, fields(json, type));
    }

    private static PersonalizeSchema read(DatasetType type, Domain domain) {
        String json = resource(domain.directory() + "/" + type.fileStem() + ".avsc");
        if (json == null) {
            json = resource(Domain.CUSTOM.directory() + "/" + type.fileStem() + ".avsc");
        }
        if (json == null) {
            throw new IllegalStateException("schema resource for " + type + " is missing from the schemas jar");
        }
        return new PersonalizeSchema(type, domain, json, fields(json, type));
    }

    private static List<SchemaField> fields(String json, DatasetType type) {
        try {
            List<SchemaField> fields = new ArrayList<>();
            for (JsonNode field : JSON.readTree(json).path("fields")) {
                List<String> types = new ArrayList<>();
                JsonNode typeNode = field.path("type");
                if (typeNode.isArray()) {
                    typeNode.forEach(t -> types.add(t.asText()));
                } else {
                    types.add(typeNode.asText());
                }
                fields.add(new SchemaField(field.path("name").asText(), types, field.path("categorical").asBoolean(false)));
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException("schema for " + type + " is not valid JSON", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PersonalizeSchemas.class.getResourceAsStream("avro/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + path, e);
        }
    }
}
