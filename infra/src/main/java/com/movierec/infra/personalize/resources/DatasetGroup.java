package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/** {@code Custom::PersonalizeDatasetGroup}: encrypted with the data key, which Personalize uses through the role. */
public final class DatasetGroup extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.DATASET_GROUP.cloudFormationName();

    public DatasetGroup(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("dataset group", props.name()));
        properties.put("KmsKeyArn", props.key().getKeyArn());
        properties.put("RoleArn", props.role().getRoleArn());
        return properties;
    }

    /**
     * @param lifecycle the custom-resource provider
     * @param name      the Personalize name
     * @param key       the KMS key that encrypts the group's data (required: the group is never unencrypted)
     * @param role      the service role through which Personalize uses the key
     */
    public record Props(LifecycleProvider lifecycle, String name, IKey key, IRole role) {
        public Props {
            require("lifecycle", lifecycle);
            require("key", key);
            require("role (Personalize needs it to use the key)", role);
        }
    }
}
