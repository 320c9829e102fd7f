package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;

/**
 * The {@link PersonalizeSchema} that {@link com.movierec.schemas.ImportCheck} validates an import against: the
 * project's own schema (every domain) when the fields match one, else the client's schema parsed from its JSON.
 */
final class ImportSchemas {
    private ImportSchemas() {
    }

    static PersonalizeSchema forImport(AvroSchema schema, DatasetType type, String json) {
        for (Domain domain : Domain.values()) {
            PersonalizeSchema known = PersonalizeSchemas.load(type, domain);
            if (known.fields().equals(schema.fields())) {
                return known;
            }
        }
        return PersonalizeSchemas.parse(type, Domain.CUSTOM, json);
    }
}
