package com.movierec.local.personalize.engine.datasetimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.ImportCheck;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportSchemasTest {
    @Test
    void theProjectsOwnSchemaIsTheOneTheSchemasModuleLoads() {
        PersonalizeSchema vod = PersonalizeSchemas.load(DatasetType.ITEMS, Domain.VIDEO_ON_DEMAND);
        assertThat(ImportSchemas.forImport(AvroSchema.parse(vod.json()), DatasetType.ITEMS, vod.json())).isSameAs(vod);
    }

    @Test
    void anyOtherSchemaChecksImportsByItsOwnFields() throws IOException {
        String json = """
                {"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
                 {"name": "TIER", "type": ["null", "int"]}]}""";
        PersonalizeSchema schema = ImportSchemas.forImport(AvroSchema.parse(json), DatasetType.USERS, json);
        assertThat(schema.columns()).containsExactly("USER_ID", "TIER");
        assertThat(check(schema, "USER_ID,TIER\nu1,3\nu2,\n").ok()).isTrue();
        assertThat(check(schema, "USER_ID,TIER\nu1,gold\n").summary()).contains("TIER 'gold' is not a valid int");
    }

    private static ImportCheck.Result check(PersonalizeSchema schema, String csv) throws IOException {
        return ImportCheck.check(schema, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
