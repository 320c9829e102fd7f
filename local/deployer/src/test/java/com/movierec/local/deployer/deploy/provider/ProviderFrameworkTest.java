package com.movierec.local.deployer.deploy.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.resources.Requests;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderFrameworkTest {
    private static final String TYPE = "Custom::PersonalizeCampaign";
    private static final String PROPERTIES = """
            {"ServiceToken": "arn:aws:lambda:eu-west-1:000000000000:function:onEvent",
             "Name": "c", "MinProvisionedTPS": 1, "Config": {"Enabled": true, "Items": [1, "a"]}}""";
    private static final ProviderFramework.Polling FAST = new ProviderFramework.Polling(Duration.ofMillis(1),
            Duration.ofSeconds(5));

    private final List<Map<String, Object>> onEventCalls = new ArrayList<>();
    private final List<Map<String, Object>> isCompleteCalls = new ArrayList<>();

    @Test
    void createSendsStringifiedPropertiesThenPollsIsCompleteWithOnEventsAnswerAndMergesData() {
        ProviderFramework provider = provider(Map.of("PhysicalResourceId", "arn:c", "Data", Map.of("Arn", "arn:c")),
                List.of(Map.of("IsComplete", false), Map.of("IsComplete", false),
                        Map.of("IsComplete", true, "Data", Map.of("Status", "ACTIVE"))));

        ResourceOutcome outcome = provider.create(Requests.create("Campaign", TYPE, PROPERTIES));

        Map<String, Object> event = onEventCalls.get(0);
        assertThat(event).containsEntry("RequestType", "Create").containsEntry("ResponseURL", "...")
                .containsEntry("LogicalResourceId", "Campaign").containsEntry("ResourceType", TYPE)
                .containsEntry("ServiceToken", "arn:aws:lambda:eu-west-1:000000000000:function:onEvent")
                .containsEntry("StackId", Requests.STACK.stackId())
                .containsKey("RequestId").doesNotContainKey("PhysicalResourceId");
        assertThat(event.get("ResourceProperties")).isEqualTo(Map.of(
                "ServiceToken", "arn:aws:lambda:eu-west-1:000000000000:function:onEvent", "Name", "c",
                "MinProvisionedTPS", "1", "Config", Map.of("Enabled", "true", "Items", List.of("1", "a"))));
        assertThat(isCompleteCalls).hasSize(3).allSatisfy(call -> assertThat(call)
                .containsEntry("PhysicalResourceId", "arn:c").containsEntry("Data", Map.of("Arn", "arn:c"))
                .containsEntry("RequestId", event.get("RequestId")));
        assertThat(outcome).isEqualTo(new ResourceOutcome("arn:c", Map.of("Arn", "arn:c", "Status", "ACTIVE")));
    }

    @Test
    void updateSendsOldPropertiesAndThePhysicalIdAndMayNotChangeTheServiceToken() {
        ProviderFramework provider = provider(Map.of(), List.of(Map.of("IsComplete", true)));
        ResourceRecord previous = Requests.record("Campaign", TYPE, "arn:c", PROPERTIES, Map.of("Arn", "arn:c"));

        ResourceOutcome outcome = provider.update(Requests.update(previous, PROPERTIES.replace("\"c\"", "\"d\"")));

        assertThat(onEventCalls.get(0)).containsEntry("RequestType", "Update")
                .containsEntry("PhysicalResourceId", "arn:c")
                .hasEntrySatisfying("OldResourceProperties", old -> assertThat(old).asString().contains("Name=c"));
        assertThat(outcome.physicalId()).as("an answer without an id keeps the old one").isEqualTo("arn:c");
        assertThatThrownBy(() -> provider.update(Requests.update(previous, PROPERTIES.replace("onEvent", "other"))))
                .isInstanceOf(ResourceFailure.class).hasMessage("Modifying service token is not allowed.");
    }

    @Test
    void aCreateWithoutPhysicalIdGetsTheRequestId() {
        ResourceOutcome outcome = provider(Map.of(), List.of(Map.of("IsComplete", true)))
                .create(Requests.create("Campaign", TYPE, PROPERTIES));

        assertThat(outcome.physicalId()).isEqualTo(onEventCalls.get(0).get("RequestId"));
    }

    @Test
    void aFailedOnEventOnCreateGetsTheFrameworksMarkerAndItsDeleteIsIgnored() {
        ProviderFramework provider = new ProviderFramework(event -> {
            onEventCalls.add(event);
            throw new IllegalStateException("Custom::PersonalizeCampaign c: LimitExceededException: too many");
        }, event -> Map.of("IsComplete", true), FAST);

        assertThatThrownBy(() -> provider.create(Requests.create("Campaign", TYPE, PROPERTIES)))
                .isInstanceOfSatisfying(ResourceFailure.class, failure -> {
                    assertThat(failure).hasMessage("Custom::PersonalizeCampaign c: LimitExceededException: too many");
                    assertThat(failure.physicalId()).hasValue(ProviderFramework.CREATE_FAILED_MARKER);
                });
        provider.delete(Requests.delete(Requests.record("Campaign", TYPE, ProviderFramework.CREATE_FAILED_MARKER,
                PROPERTIES, Map.of())));
        assertThat(onEventCalls).hasSize(1);
    }

    @Test
    void aFailedIsCompleteKeepsThePhysicalIdOnEventAnswered() {
        ProviderFramework provider = new ProviderFramework(event -> Map.of("PhysicalResourceId", "arn:c"), event -> {
            throw new IllegalStateException("Custom::PersonalizeCampaign c is CREATE FAILED: no model");
        }, FAST);

        assertThatThrownBy(() -> provider.create(Requests.create("Campaign", TYPE, PROPERTIES)))
                .isInstanceOfSatisfying(ResourceFailure.class, failure -> {
                    assertThat(failure).hasMessage("Custom::PersonalizeCampaign c is CREATE FAILED: no model");
                    assertThat(failure.physicalId()).hasValue("arn:c");
                });
    }

    @Test
    void dataOnAnIncompleteAnswerAndATimeoutFailAsInTheFramework() {
        assertThatThrownBy(() -> provider(Map.of("PhysicalResourceId", "arn:c"),
                List.of(Map.of("IsComplete", false, "Data", Map.of("Arn", "x"))))
                .create(Requests.create("Campaign", TYPE, PROPERTIES)))
                .isInstanceOf(ResourceFailure.class)
                .hasMessage("\"Data\" is not allowed if \"IsComplete\" is \"False\"");

        ProviderFramework never = new ProviderFramework(event -> Map.of("PhysicalResourceId", "arn:c"),
                event -> Map.of("IsComplete", false), new ProviderFramework.Polling(Duration.ofMillis(5),
                Duration.ofMillis(50)));
        assertThatThrownBy(() -> never.create(Requests.create("Campaign", TYPE, PROPERTIES)))
                .isInstanceOf(ResourceFailure.class).hasMessage("Operation timed out");
    }

    @Test
    void aDeleteMayNotChangeThePhysicalId() {
        ProviderFramework provider = provider(Map.of("PhysicalResourceId", "arn:other"),
                List.of(Map.of("IsComplete", true)));

        assertThatThrownBy(() -> provider.delete(Requests.delete(Requests.record("Campaign", TYPE, "arn:c", PROPERTIES,
                Map.of())))).isInstanceOf(ResourceFailure.class)
                .hasMessage("DELETE: cannot change the physical resource ID from \"arn:c\" to \"arn:other\" during "
                        + "deletion");
    }

    /** A provider whose onEvent always answers {@code onEventAnswer} and whose isComplete answers in turn. */
    private ProviderFramework provider(Map<String, Object> onEventAnswer, List<Map<String, Object>> isCompleteAnswers) {
        return new ProviderFramework(event -> {
            onEventCalls.add(event);
            return onEventAnswer;
        }, event -> {
            isCompleteCalls.add(event);
            return isCompleteAnswers.get(Math.min(isCompleteCalls.size(), isCompleteAnswers.size()) - 1);
        }, FAST);
    }
}
