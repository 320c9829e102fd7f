package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DatasetGroup;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupRequest;

/** {@code Custom::PersonalizeDatasetGroup}: Name, KmsKeyArn, RoleArn (with a key), Domain. Nothing changes in place. */
public final class DatasetGroupResource extends DescribedResource<DatasetGroup> {
    private final PersonalizeClient personalize;

    public DatasetGroupResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.DATASET_GROUP, retry);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        Optional<String> kmsKeyArn = properties.optional("KmsKeyArn");
        Optional<String> roleArn = properties.optional("RoleArn");
        if (kmsKeyArn.isPresent() && roleArn.isEmpty()) {
            throw Failure.property(type, "RoleArn", "is required when KmsKeyArn is set: Personalize assumes the role to use the key");
        }
        CreateDatasetGroupRequest request = CreateDatasetGroupRequest.builder()
                .name(properties.required("Name"))
                .kmsKeyArn(kmsKeyArn.orElse(null))
                .roleArn(roleArn.orElse(null))
                .domain(Domains.of(properties))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateDatasetGroup", () -> personalize.createDatasetGroup(request)).datasetGroupArn();
    }

    @Override
    protected Optional<DatasetGroup> describe(String arn) {
        return found(() -> call("DescribeDatasetGroup", () -> personalize.describeDatasetGroup(
                DescribeDatasetGroupRequest.builder().datasetGroupArn(arn).build())).datasetGroup());
    }

    @Override
    protected String status(DatasetGroup group) {
        return group.status();
    }

    @Override
    protected String failureReason(DatasetGroup group) {
        return group.failureReason();
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteDatasetGroup", () -> personalize.deleteDatasetGroup(
                DeleteDatasetGroupRequest.builder().datasetGroupArn(arn).build()));
    }
}
