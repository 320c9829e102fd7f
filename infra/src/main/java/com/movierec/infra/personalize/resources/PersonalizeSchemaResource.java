package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/** {@code Custom::PersonalizeSchema}: a dataset schema; immutable, so a new schema text needs a new name. */
public final class PersonalizeSchemaResource extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.SCHEMA.cloudFormationName();

    private final DatasetType schemaType;

    public PersonalizeSchemaResource(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        this.schemaType = props.schema().datasetType();
    }

    /** The dataset type this schema describes. */
    public DatasetType schemaType() {
        return schemaType;
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("schema", props.name()));
        properties.put("Schema", props.schema().json());
        props.schema().domain().personalizeName().ifPresent(domain -> properties.put("Domain", domain));
        return properties;
    }

    /**
     * @param lifecycle the custom-resource provider
     * @param name      the Personalize name; derive it from the schema text so a change replaces the schema
     * @param schema    the schema, from {@code PersonalizeSchemas}
     */
    public record Props(LifecycleProvider lifecycle, String name, PersonalizeSchema schema) {
        public Props {
            require("lifecycle", lifecycle);
            require("schema", schema);
        }
    }
}
