package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetResponse;
import software.amazon.awssdk.services.personalize.model.Dataset;
import software.amazon.awssdk.services.personalize.model.DatasetUpdateSummary;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetResponse;
import software.amazon.awssdk.services.personalize.model.UpdateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.UpdateDatasetResponse;

class DatasetResourceTest {
    private static final String ARN = ResourceCase.ACCOUNT + "dataset/movierec-dev-1a2b3c4d/INTERACTIONS";
    private static final String OLD_SCHEMA = ResourceCase.ACCOUNT + "schema/movierec-dev-interactions-1a2b3c4d";
    private static final String NEW_SCHEMA = ResourceCase.ACCOUNT + "schema/movierec-dev-interactions-5e6f7a8b";

    private final Harness harness = new Harness();

    @Test
    void changesTheSchemaInPlaceBecauseAGroupHoldsOneDatasetPerType() {
        Map<String, Object> event = Events.load("dataset/update-schema-arn");
        when(harness.personalize.updateDataset(any(UpdateDatasetRequest.class)))
                .thenReturn(UpdateDatasetResponse.builder().datasetArn(ARN).build());
        when(harness.personalize.describeDataset(any(DescribeDatasetRequest.class))).thenReturn(
                described(OLD_SCHEMA, update(NEW_SCHEMA, "CREATE IN_PROGRESS", null)),
                described(NEW_SCHEMA, update(NEW_SCHEMA, "ACTIVE", null)));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
        verify(harness.personalize).updateDataset(
                UpdateDatasetRequest.builder().datasetArn(ARN).schemaArn(NEW_SCHEMA).build());
        verify(harness.personalize, never()).createDataset(any(CreateDatasetRequest.class));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
    }

    @Test
    void failsWithTheUpdatesFailureReasonWhenTheSchemaIsRefused() {
        Map<String, Object> event = Events.load("dataset/update-schema-arn");
        when(harness.personalize.describeDataset(any(DescribeDatasetRequest.class))).thenReturn(
                described(OLD_SCHEMA, update(NEW_SCHEMA, "CREATE FAILED", "The new schema drops a required field.")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .hasMessage("Custom::PersonalizeDataset movierec-dev-interactions update is CREATE FAILED: "
                        + "The new schema drops a required field.");
    }

    @Test
    void sendsTheDatasetTypeInPersonalizesSpelling() {
        when(harness.personalize.createDataset(any(CreateDatasetRequest.class)))
                .thenReturn(CreateDatasetResponse.builder().datasetArn(ARN).build());

        harness.onEvent(Events.withProperty(Events.load("dataset/create"), "DatasetType", "ITEMS"));

        verify(harness.personalize).createDataset(CreateDatasetRequest.builder().name("movierec-dev-interactions")
                .datasetGroupArn(ResourceCase.ACCOUNT + "dataset-group/movierec-dev-1a2b3c4d").datasetType("Items")
                .schemaArn(OLD_SCHEMA).build());
    }

    @Test
    void rejectsADatasetTypeThisProjectDoesNotUse() {
        Map<String, Object> event = Events.withProperty(Events.load("dataset/create"), "DatasetType", "Actions");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeDataset property DatasetType must be one of Interactions, Items, Users, "
                        + "not 'Actions'");
    }

    private static DescribeDatasetResponse described(String schemaArn, DatasetUpdateSummary update) {
        return DescribeDatasetResponse.builder().dataset(Dataset.builder().datasetArn(ARN).name("movierec-dev-interactions")
                .status("ACTIVE").schemaArn(schemaArn).latestDatasetUpdate(update).build()).build();
    }

    private static DatasetUpdateSummary update(String schemaArn, String status, String failureReason) {
        return DatasetUpdateSummary.builder().schemaArn(schemaArn).status(status).failureReason(failureReason).build();
    }
}
