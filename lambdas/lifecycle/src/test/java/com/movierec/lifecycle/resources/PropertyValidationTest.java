package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;

/** A missing or invalid property fails with a sentence naming the type and the property, before any AWS call. */
class PropertyValidationTest {
    private final Harness harness = new Harness();

    @ParameterizedTest(name = "{1} without {2}")
    @CsvSource({
            "schema,             Custom::PersonalizeSchema,           Name",
            "schema,             Custom::PersonalizeSchema,           Schema",
            "dataset-group,      Custom::PersonalizeDatasetGroup,     Name",
            "dataset,            Custom::PersonalizeDataset,          DatasetGroupArn",
            "dataset,            Custom::PersonalizeDataset,          SchemaArn",
            "dataset,            Custom::PersonalizeDataset,          DatasetType",
            "dataset-import-job, Custom::PersonalizeDatasetImportJob, DatasetArn",
            "dataset-import-job, Custom::PersonalizeDatasetImportJob, RoleArn",
            "dataset-import-job, Custom::PersonalizeDatasetImportJob, WatcherStateMachineArn",
            "solution,           Custom::PersonalizeSolution,         DatasetGroupArn",
            "solution,           Custom::PersonalizeSolution,         RecipeArn",
            "solution-version,   Custom::PersonalizeSolutionVersion,  SolutionArn",
            "solution-version,   Custom::PersonalizeSolutionVersion,  SignalUrl",
            "solution-metrics,   Custom::PersonalizeSolutionMetrics,  SolutionVersionArn",
            "campaign,           Custom::PersonalizeCampaign,         SolutionVersionArn",
            "campaign,           Custom::PersonalizeCampaign,         MinProvisionedTPS",
            "event-tracker,      Custom::PersonalizeEventTracker,     DatasetGroupArn",
            "filter,             Custom::PersonalizeFilter,           FilterExpression",
    })
    void namesTheTypeAndTheMissingProperty(String fixtures, String type, String property) {
        Map<String, Object> event = Events.withProperty(Events.load(fixtures + "/create"), property, null);

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessage(type + " property " + property + " is required");
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    @Test
    void rejectsASchemaThatIsNotJson() {
        Map<String, Object> event = Events.withProperty(Events.load("schema/create"), "Schema", "{\"type\": \"record\",");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessageStartingWith("Custom::PersonalizeSchema property Schema is not valid JSON: ");
        verifyNoInteractions(harness.personalize);
    }

    @Test
    void acceptsASchemaCloudFormationPassedAsAnObject() {
        when(harness.personalize.createSchema(any(CreateSchemaRequest.class))).thenReturn(
                software.amazon.awssdk.services.personalize.model.CreateSchemaResponse.builder()
                        .schemaArn(ResourceCase.SCHEMA.arn).build());
        Map<String, Object> event = Events.withProperty(Events.load("schema/create"), "Schema",
                Map.of("type", "record", "name", "Interactions"));

        harness.onEvent(event);

        org.mockito.Mockito.verify(harness.personalize).createSchema(org.mockito.ArgumentMatchers.<CreateSchemaRequest>argThat(
                request -> request.schema().contains("\"type\":\"record\"")));
    }

    @Test
    void passesPersonalizesOwnMessageWhenItRejectsTheSchema() {
        when(harness.personalize.createSchema(any(CreateSchemaRequest.class)))
                .thenThrow(Errors.invalidInput("Schema field EVENT_VALUE must be of type float or null."));

        assertThatThrownBy(() -> harness.onEvent(Events.load("schema/create")))
                .hasMessageStartingWith("Custom::PersonalizeSchema movierec-dev-interactions-1a2b3c4d: "
                        + "InvalidInputException: Schema field EVENT_VALUE must be of type float or null.");
    }

    @Test
    void requiresARoleWhenTheDatasetGroupIsEncrypted() {
        Map<String, Object> event = Events.withProperty(Events.load("dataset-group/create"), "KmsKeyArn",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeDatasetGroup property RoleArn is required when KmsKeyArn is set: "
                        + "Personalize assumes the role to use the key");
        verifyNoInteractions(harness.personalize);
    }

    @Test
    void rejectsADomainPersonalizeDoesNotOffer() {
        Map<String, Object> event = Events.withProperty(Events.load("dataset-group/create"), "Domain", "MOVIES");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeDatasetGroup property Domain must be one of ECOMMERCE, VIDEO_ON_DEMAND, "
                        + "not 'MOVIES'");
    }

    @Test
    void explainsANameThatIsAlreadyTaken() {
        when(harness.personalize.createSchema(any(CreateSchemaRequest.class)))
                .thenThrow(Errors.alreadyExists("Another resource with ARN " + ResourceCase.SCHEMA.arn + " already exists."));

        assertThatThrownBy(() -> harness.onEvent(Events.load("schema/create")))
                .hasMessageContaining("ResourceAlreadyExistsException: Another resource with ARN")
                .hasMessageEndingWith("(the name is taken, perhaps by a resource an earlier failed deploy left behind: "
                        + "delete it, or change a property the name is derived from)");
    }
}
