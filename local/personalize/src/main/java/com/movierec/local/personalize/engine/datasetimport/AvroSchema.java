package com.movierec.local.personalize.engine.datasetimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.SchemaField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CreateSchema schema: an Avro record of the primitive types Personalize accepts, each optionally nullable
 * ({@code ["null", "long"]}), strings optionally {@code "categorical": true}. Parsed the way the schemas module
 * reads the project's own schemas, so equal schemas give equal {@link SchemaField} lists.
 */
public record AvroSchema(List<SchemaField> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("string", "int", "long", "float", "double", "boolean");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The fields each dataset type must have, with their type. */
    private static final Map<DatasetType, Map<String, String>> REQUIRED = Map.of(
            DatasetType.INTERACTIONS, Map.of("USER_ID", "string", "ITEM_ID", "string", "TIMESTAMP", "long"),
            DatasetType.ITEMS, Map.of("ITEM_ID", "string"),
            DatasetType.USERS, Map.of("USER_ID", "string"));

    public AvroSchema {
        fields = List.copyOf(fields);
    }

    /** @throws PersonalizeException InvalidInputException naming what is wrong */
    public static AvroSchema parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("it is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !"record".equals(root.path("type").asText())) {
            throw invalid("it must be an Avro record: a JSON object with \"type\": \"record\"");
        }
        if (!root.path("name").isTextual()) {
            throw invalid("the record needs a \"name\"");
        }
        JsonNode fieldNodes = root.path("fields");
        if (!fieldNodes.isArray() || fieldNodes.isEmpty()) {
            throw invalid("the record needs a non-empty \"fields\" array");
        }
        List<SchemaField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode f : fieldNodes) {
            SchemaField field = field(f);
            if (!names.add(field.name())) {
                throw invalid("field " + field.name() + " appears twice");
            }
            fields.add(field);
        }
        return new AvroSchema(fields);
    }

    public Optional<SchemaField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Checks the fields a dataset of {@code type} needs (CreateDataset, UpdateDataset).
     *
     * @throws PersonalizeException InvalidInputException listing the missing or mistyped fields
     */
    public void requireFieldsOf(DatasetType type) {
        List<String> problems = new ArrayList<>();
        REQUIRED.get(type).forEach((name, valueType) -> {
            Optional<SchemaField> f = field(name);
            if (f.isEmpty()) {
                problems.add(name + " is missing");
            } else if (!f.get().types().equals(List.of(valueType))) {
                problems.add(name + " must be of type \"" + valueType + "\", not " + f.get().types());
            }
        });
        if (!problems.isEmpty()) {
            throw PersonalizeException.invalidInput("The schema does not fit a " + type.personalizeName()
                    + " dataset: " + String.join("; ", problems) + ".");
        }
    }

    private static SchemaField field(JsonNode f) {
        String name = f.path("name").asText("");
        if (!FIELD_NAME.matcher(name).matches()) {
            throw invalid("a field name must match [A-Za-z_][A-Za-z0-9_]*, not '" + name + "'");
        }
        List<String> types = new ArrayList<>();
        JsonNode type = f.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        List<String> nonNull = types.stream().filter(t -> !t.equals("null")).toList();
        if (nonNull.size() != 1 || !TYPES.contains(nonNull.get(0)) || types.size() > 2) {
            throw invalid("field " + name + " has type " + type + "; use one of " + TYPES + ", optionally with \"null\"");
        }
        boolean categorical = f.path("categorical").asBoolean(false);
        if (categorical && !nonNull.get(0).equals("string")) {
            throw invalid("field " + name + " is categorical, which only a string field can be");
        }
        return new SchemaField(name, types, categorical);
    }

    private static PersonalizeException invalid(String why) {
        return PersonalizeException.invalidInput("Invalid schema: " + why + ".");
    }
}
