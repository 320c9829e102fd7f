package com.movierec.schemas;

import java.util.List;
import java.util.Optional;

/**
 * A Personalize dataset schema: the Avro JSON to pass to CreateSchema, and its fields in order.
 * The field order is the CSV column order: Personalize maps CSV columns to fields by header name, and data-prep
 * writes the columns in exactly this order.
 */
public final class PersonalizeSchema {
    private final DatasetType datasetType;
    private final Domain domain;
    private final String json;
    private final List<SchemaField> fields;

    PersonalizeSchema(DatasetType datasetType, Domain domain, String json, List<SchemaField> fields) {
        this.datasetType = datasetType;
        this.domain = domain;
        this.json = json;
        this.fields = List.copyOf(fields);
    }

    public DatasetType datasetType() {
        return datasetType;
    }

    public Domain domain() {
        return domain;
    }

    /** The Avro JSON text, unchanged from the file under schemas/avro. */
    public String json() {
        return json;
    }

    public List<SchemaField> fields() {
        return fields;
    }

    /** The CSV header: the field names in schema order. */
    public List<String> columns() {
        return fields.stream().map(SchemaField::name).toList();
    }

    public Optional<SchemaField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return datasetType.personalizeName() + " schema (" + domain + ") " + columns();
    }
}
