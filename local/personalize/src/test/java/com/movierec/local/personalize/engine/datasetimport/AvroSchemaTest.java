package com.movierec.local.personalize.engine.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.ErrorType;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AvroSchemaTest {
    @ParameterizedTest
    @EnumSource(DatasetType.class)
    void theProjectsSchemasParseToTheFieldsTheSchemasModuleReads(DatasetType type) {
        for (Domain domain : Domain.values()) {
            PersonalizeSchema project = PersonalizeSchemas.load(type, domain);
            AvroSchema parsed = AvroSchema.parse(project.json());
            assertThat(parsed.fields()).isEqualTo(project.fields());
            parsed.requireFieldsOf(type);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                                                 | not valid JSON",
        "{\"type\": \"enum\", \"name\": \"x\"}                                    | Avro record",
        "{\"type\": \"record\", \"fields\": [{\"name\": \"A\", \"type\": \"string\"}]} | needs a \"name\"",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": []}                   | non-empty \"fields\"",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"A\", \"type\": \"bytes\"}]} | field A has type",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"A\", \"type\": [\"null\", \"int\", \"long\"]}]} | field A has type",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"A\", \"type\": \"int\", \"categorical\": true}]} | only a string field",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"A\", \"type\": \"int\"}, {\"name\": \"A\", \"type\": \"int\"}]} | appears twice",
        "{\"type\": \"record\", \"name\": \"x\", \"fields\": [{\"name\": \"1A\", \"type\": \"int\"}]} | field name must match"})
    void anInvalidSchemaIsInvalidInputSayingWhy(String text, String why) {
        assertThatThrownBy(() -> AvroSchema.parse(text))
                .isInstanceOfSatisfying(PersonalizeException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_INPUT))
                .hasMessageContaining(why);
    }

    @Test
    void aDatasetTypeNeedsItsFieldsWithTheirTypes() {
        AvroSchema items = AvroSchema.parse(PersonalizeSchemas.load(DatasetType.ITEMS).json());
        assertThatThrownBy(() -> items.requireFieldsOf(DatasetType.INTERACTIONS))
                .hasMessageContaining("USER_ID is missing").hasMessageContaining("TIMESTAMP is missing");
        AvroSchema stringTime = AvroSchema.parse("""
                {"type": "record", "name": "I", "fields": [{"name": "USER_ID", "type": "string"},
                 {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "string"}]}""");
        assertThatThrownBy(() -> stringTime.requireFieldsOf(DatasetType.INTERACTIONS))
                .hasMessageContaining("TIMESTAMP must be of type \"long\"");
    }
}
