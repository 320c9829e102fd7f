package com.movierec.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.lifecycle.testing.Events;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourceEventTest {

    @Test
    void readsTheFieldsTheProviderFrameworkPasses() {
        CustomResourceEvent event = CustomResourceEvent.from(Events.load("campaign/update-tps"));

        assertThat(event.requestType()).isEqualTo(RequestType.UPDATE);
        assertThat(event.resourceType()).isEqualTo(CustomResourceType.CAMPAIGN);
        assertThat(event.logicalId()).isEqualTo("RecommendationsCampaignDEAD0001");
        assertThat(event.physicalId()).endsWith(":campaign/movierec-dev-recommendations-1a2b3c4d");
        assertThat(event.properties().requiredInt("MinProvisionedTPS", 1)).isEqualTo(5);
        assertThat(event.oldProperties().requiredInt("MinProvisionedTPS", 1)).isEqualTo(1);
    }

    @Test
    void changedPropertiesIgnoreTheServiceToken() {
        Map<String, Object> raw = Events.load("campaign/update-tps");

        CustomResourceEvent event = CustomResourceEvent.from(
                Events.withProperty(raw, "ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:another"));

        assertThat(event.changedProperties()).containsExactly("MinProvisionedTPS");
    }

    @Test
    void acceptsTheNativeValuesTheLocalDeployerMayPass() {
        Properties properties = new Properties(CustomResourceType.SOLUTION, Map.of(
                "PerformAutoTraining", true, "PollSeconds", 30, "SolutionConfig", Map.of("eventValueThreshold", "0.5")));

        assertThat(properties.requiredBoolean("PerformAutoTraining", "why")).isTrue();
        assertThat(properties.optionalInt("PollSeconds", 60, 1)).isEqualTo(30);
        assertThat(properties.optionalJson("SolutionConfig").orElseThrow().get("eventValueThreshold").asText())
                .isEqualTo("0.5");
    }

    @Test
    void answersTheFirstAllowedValueWhenAnOptionalChoiceIsAbsent() {
        Properties properties = new Properties(CustomResourceType.DATASET_IMPORT_JOB,
                Map.of("ImportMode", "incremental"));

        assertThat(properties.oneOf("ImportMode", List.of("FULL", "INCREMENTAL"))).isEqualTo("INCREMENTAL");
        assertThat(properties.oneOf("TrainingMode", List.of("FULL", "UPDATE"))).isEqualTo("FULL");
    }

    @Test
    void rejectsAnObjectWhereAStringBelongs() {
        Properties properties = new Properties(CustomResourceType.FILTER, Map.of("Name", Map.of("Ref", "FilterName")));

        assertThatThrownBy(() -> properties.required("Name"))
                .hasMessage("Custom::PersonalizeFilter property Name must be a string, not a JSON object");
    }

    @Test
    void capsAFailureMessageSoCloudFormationStillAcceptsTheResponse() {
        Failure failure = Failure.status(CustomResourceType.SOLUTION_VERSION, "movierec/1", "CREATE FAILED",
                "x".repeat(5000));

        assertThat(failure.getMessage()).hasSize(1000).endsWith(" ... (truncated)");
    }
}
