package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code Custom::PersonalizeDataset}: one per type in its group. It references its group and schema, so
 * CloudFormation creates it after both and deletes it before them.
 */
public final class Dataset extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.DATASET.cloudFormationName();

    private final DatasetType datasetType;

    public Dataset(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        this.datasetType = props.type();
    }

    public DatasetType datasetType() {
        return datasetType;
    }

    private static Map<String, String> properties(Props props) {
        if (props.schema().schemaType() != props.type()) {
            throw new IllegalArgumentException("the " + props.type().personalizeName() + " dataset was given the "
                    + props.schema().schemaType().personalizeName() + " schema: pass the schema of its own type");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("dataset", props.name()));
        properties.put("DatasetGroupArn", props.datasetGroup().arn());
        properties.put("DatasetType", props.type().personalizeName());
        properties.put("SchemaArn", props.schema().arn());
        return properties;
    }

    /**
     * @param lifecycle    the custom-resource provider
     * @param name         the Personalize name
     * @param datasetGroup the group it belongs to
     * @param type         interactions, items or users
     * @param schema       a schema of the same type
     */
    public record Props(LifecycleProvider lifecycle, String name, DatasetGroup datasetGroup, DatasetType type,
                        PersonalizeSchemaResource schema) {
        public Props {
            require("lifecycle", lifecycle);
            require("datasetGroup", datasetGroup);
            require("type", type);
            require("schema", schema);
        }
    }
}
