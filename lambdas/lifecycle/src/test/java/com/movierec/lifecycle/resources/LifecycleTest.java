package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verifyNoInteractions;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    /** What the Provider framework uses as the physical id when a Create failed before answering: the RequestId. */
    private static final String REQUEST_ID = "2f6c4f1e-3b8a-4d2e-9c1f-7a5b3d9e0c12";

    private final Harness harness = new Harness();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"schema", "dataset-group", "dataset", "dataset-import-job", "solution", "solution-version",
            "solution-metrics", "campaign", "event-tracker", "filter"})
    void deletingAResourcePersonalizeNeverCreatedIsANoOp(String fixtures) {
        Map<String, Object> event = Events.load(fixtures + "/delete");
        event.put("PhysicalResourceId", REQUEST_ID);

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).isEqualTo(Map.of("PhysicalResourceId", REQUEST_ID));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));
        verifyNoInteractions(harness.personalize, harness.sfn);
    }

    @Test
    void namesTheTypesItServesForAnUnknownResourceType() {
        Map<String, Object> event = Events.load("filter/create");
        event.put("ResourceType", "Custom::PersonalizeRecommender");

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessageStartingWith("unknown ResourceType 'Custom::PersonalizeRecommender': these functions serve "
                        + "Custom::PersonalizeSchema, Custom::PersonalizeDatasetGroup,");
    }

    @Test
    void rejectsAnEventThatIsNotACustomResourceEvent() {
        Map<String, Object> event = Events.load("watcher/import-job");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("the event's RequestType is 'null': a CloudFormation custom resource event has Create, Update "
                        + "or Delete");
    }
}
