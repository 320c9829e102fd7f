package com.movierec.lifecycle.resources;

import static com.movierec.lifecycle.resources.ResourceCase.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mockingDetails;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.invocation.Invocation;

/**
 * The behaviour every resource with a Describe call shares, run for each type through the real handlers with a
 * mocked PersonalizeClient answering real SDK response types.
 */
class DescribedResourceContractTest {
    private final Harness harness = new Harness();

    static Stream<ResourceCase> typesWithStatus() {
        return Stream.of(ResourceCase.DATASET_GROUP, ResourceCase.DATASET, ResourceCase.SOLUTION,
                ResourceCase.CAMPAIGN, ResourceCase.EVENT_TRACKER, ResourceCase.FILTER);
    }

    static Stream<ResourceCase> allTypes() {
        return Stream.concat(Stream.of(ResourceCase.SCHEMA), typesWithStatus());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithStatus")
    void createsAndPollsUntilActive(ResourceCase type) {
        answers(type.whenCreate(harness.personalize), type.created(type.arn));
        answers(type.whenDescribe(harness.personalize), type.described(type.arn, "CREATE PENDING", null),
                type.described(type.arn, "CREATE IN_PROGRESS", null), type.described(type.arn, "ACTIVE", null));
        Map<String, Object> event = Events.load(type.fixtures + "/create");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", type.arn, "Data", Map.of("Arn", type.arn)));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer))
                .isEqualTo(Map.of("IsComplete", true, "Data", type.attributes(type.arn)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typesWithStatus")
    void failsWithFailureReasonWhenCreateFails(ResourceCase type) {
        answers(type.whenCreate(harness.personalize), type.created(type.arn));
        String reason = "Input data must contain at least 1000 interactions.";
        answers(type.whenDescribe(harness.personalize), type.described(type.arn, "CREATE FAILED", reason));
        Map<String, Object> event = Events.load(type.fixtures + "/create");
        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .isInstanceOf(Failure.class)
                .hasMessage(type.type + " " + Events.property(event, "Name") + " is CREATE FAILED: "
                        + (type.reportsFailureReason() ? reason : "Personalize gave no failureReason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void replacesWhenAPropertyPersonalizeCannotChangeChanges(ResourceCase type) {
        answers(type.whenCreate(harness.personalize), type.created(type.replacementArn));
        answers(type.whenDescribe(harness.personalize), type.described(type.replacementArn, "CREATE IN_PROGRESS", null),
                type.described(type.replacementArn, "ACTIVE", null));
        Map<String, Object> event = Events.load(type.replacementFixture);

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", type.replacementArn);
        assertThat(type.replacementArn).isNotEqualTo(event.get("PhysicalResourceId"));
        if (type.hasStatus()) {
            assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        }
        assertThat(harness.isComplete(event, answer))
                .isEqualTo(Map.of("IsComplete", true, "Data", type.attributes(type.replacementArn)));
        assertThat(calls("delete")).as("CloudFormation deletes the old resource later, not this update").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void deletesAndWaitsUntilGone(ResourceCase type) {
        type.prepareDelete(harness.personalize);
        answers(type.whenDelete(harness.personalize), (Object) null);
        if (type.hasStatus()) {
            answers(type.whenDescribe(harness.personalize), type.described(type.arn, "DELETE PENDING", null),
                    Errors.notFound(type.arn));
        } else {
            answers(type.whenDescribe(harness.personalize), Errors.notFound(type.arn));
        }
        Map<String, Object> event = Events.load(type.fixtures + "/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", type.arn));
        if (type.hasStatus()) {
            assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        }
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
        assertThat(calls("delete")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void deletingAnAlreadyDeletedResourceSucceeds(ResourceCase type) {
        type.prepareDelete(harness.personalize);
        answers(type.whenDelete(harness.personalize), Errors.notFound(type.arn));
        answers(type.whenDescribe(harness.personalize), Errors.notFound(type.arn));
        Map<String, Object> event = Events.load(type.fixtures + "/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void retriesADeleteBlockedByAResourceInUseOnTheNextPoll(ResourceCase type) {
        type.prepareDelete(harness.personalize);
        answers(type.whenDelete(harness.personalize),
                Errors.inUse("Resource is in use by " + ResourceCase.ACCOUNT + "campaign/x"), null);
        Object active = type.described(type.arn, "ACTIVE", null);
        if (type.hasStatus()) {
            answers(type.whenDescribe(harness.personalize), active,
                    type.described(type.arn, "DELETE IN_PROGRESS", null), Errors.notFound(type.arn));
        } else {
            answers(type.whenDescribe(harness.personalize), active, Errors.notFound(type.arn));
        }
        Map<String, Object> event = Events.load(type.fixtures + "/delete");

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(harness.isComplete(event, answer)).as("in use: delete again, not an error")
                .isEqualTo(Map.of("IsComplete", false));
        assertThat(calls("delete")).isEqualTo(2);
        if (type.hasStatus()) {
            assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        }
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
        assertThat(calls("delete")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void retriesThrottledCallsWithBackoffThenSucceeds(ResourceCase type) {
        answers(type.whenCreate(harness.personalize), Errors.throttled(), Errors.status(429, "TooManyRequestsException"),
                type.created(type.arn));
        answers(type.whenDescribe(harness.personalize), Errors.status(503, "ServiceUnavailable"),
                type.described(type.arn, "ACTIVE", null));
        Map<String, Object> event = Events.load(type.fixtures + "/create");

        Map<String, Object> answer = harness.onEvent(event);
        Map<String, Object> completion = harness.isComplete(event, answer);

        assertThat(answer).containsEntry("PhysicalResourceId", type.arn);
        assertThat(completion).containsEntry("IsComplete", true);
        assertThat(harness.sleeper.sleeps()).hasSize(3);
        assertThat(harness.sleeper.sleeps().get(1)).isGreaterThan(harness.sleeper.sleeps().get(0).dividedBy(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    void givesUpWhenStillThrottledAfterTheLastAttempt(ResourceCase type) {
        answers(type.whenCreate(harness.personalize), Errors.throttled());
        Map<String, Object> event = Events.load(type.fixtures + "/create");

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessageStartingWith(type.type + " " + Events.property(event, "Name") + ": Create")
                .hasMessageContaining("was still throttled or unreachable after " + Retry.DEFAULT_MAX_ATTEMPTS
                        + " attempts: ThrottlingException: Rate exceeded");
        assertThat(harness.sleeper.sleeps()).hasSize(Retry.DEFAULT_MAX_ATTEMPTS - 1);
    }

    /** How many Personalize calls whose name starts with {@code prefix} were made. */
    private long calls(String prefix) {
        return mockingDetails(harness.personalize).getInvocations().stream()
                .map(Invocation::getMethod)
                .filter(method -> method.getName().startsWith(prefix))
                .count();
    }
}
