package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.Dataset;
import software.amazon.awssdk.services.personalize.model.DatasetUpdateSummary;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetRequest;
import software.amazon.awssdk.services.personalize.model.UpdateDatasetRequest;

/**
 * {@code Custom::PersonalizeDataset}: Name, DatasetGroupArn, DatasetType, SchemaArn. SchemaArn changes in place with
 * UpdateDataset: a dataset group holds one dataset per type, so a new schema cannot get a new dataset beside the old.
 */
public final class DatasetResource extends UpdatableResource<Dataset> {
    private static final String SCHEMA_ARN = "SchemaArn";
    private static final List<String> TYPES = List.of("Interactions", "Items", "Users");

    private final PersonalizeClient personalize;

    public DatasetResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.DATASET, retry);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected Set<String> inPlaceProperties() {
        return Set.of(SCHEMA_ARN);
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        CreateDatasetRequest request = CreateDatasetRequest.builder()
                .name(properties.required("Name"))
                .datasetGroupArn(properties.required("DatasetGroupArn"))
                .datasetType(properties.requiredOneOf("DatasetType", TYPES))
                .schemaArn(properties.required(SCHEMA_ARN))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateDataset", () -> personalize.createDataset(request)).datasetArn();
    }

    @Override
    protected void requestUpdate(CustomResourceEvent event, String arn) {
        UpdateDatasetRequest request = UpdateDatasetRequest.builder()
                .datasetArn(arn)
                .schemaArn(event.properties().required(SCHEMA_ARN))
                .build();
        call("UpdateDataset", () -> personalize.updateDataset(request));
    }

    @Override
    protected Optional<LatestUpdate> latestUpdate(CustomResourceEvent event, Dataset dataset) {
        DatasetUpdateSummary update = dataset.latestDatasetUpdate();
        return Optional.ofNullable(update).map(u -> new LatestUpdate(u.status(), u.failureReason(),
                event.properties().required(SCHEMA_ARN).equals(u.schemaArn())));
    }

    @Override
    protected boolean currentMatchesRequest(CustomResourceEvent event, Dataset dataset) {
        return event.properties().required(SCHEMA_ARN).equals(dataset.schemaArn());
    }

    @Override
    protected Optional<Dataset> describe(String arn) {
        return found(() -> call("DescribeDataset", () -> personalize.describeDataset(
                DescribeDatasetRequest.builder().datasetArn(arn).build())).dataset());
    }

    @Override
    protected String status(Dataset dataset) {
        return dataset.status();
    }

    /** Personalize's Dataset has no failureReason; its latest update does. */
    @Override
    protected String failureReason(Dataset dataset) {
        return dataset.latestDatasetUpdate() == null ? null : dataset.latestDatasetUpdate().failureReason();
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteDataset", () -> personalize.deleteDataset(DeleteDatasetRequest.builder().datasetArn(arn).build()));
    }
}
