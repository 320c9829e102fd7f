package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.services.personalize.model.AutoTrainingConfig;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionResponse;
import software.amazon.awssdk.services.personalize.model.DeleteSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionResponse;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsRequest;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsResponse;
import software.amazon.awssdk.services.personalize.model.Solution;
import software.amazon.awssdk.services.personalize.model.SolutionConfig;
import software.amazon.awssdk.services.personalize.model.SolutionUpdateConfig;
import software.amazon.awssdk.services.personalize.model.SolutionUpdateSummary;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;
import software.amazon.awssdk.services.personalize.model.StopSolutionVersionCreationRequest;
import software.amazon.awssdk.services.personalize.model.UpdateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.UpdateSolutionResponse;

class SolutionResourceTest {
    private static final String ARN = ResourceCase.ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d";
    private static final String NAME = "movierec-dev-user-personalization-1a2b3c4d";

    private final Harness harness = new Harness();

    @Test
    void createsWithAutoTrainingSetExplicitlyAndTheConfigReadIntoTheSdkShape() {
        CreateSolutionRequest request = created(Events.load("solution/create"));

        assertThat(request.name()).isEqualTo(NAME);
        assertThat(request.recipeArn()).isEqualTo("arn:aws:personalize:::recipe/aws-user-personalization-v2");
        assertThat(request.performAutoTraining()).isFalse();
        assertThat(request.performHPO()).isFalse();
        assertThat(request.performAutoML()).as("AutoML is retired: never sent").isNull();
        assertThat(request.solutionConfig().algorithmHyperParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("hidden_dimension", "149", "bptt", "32"));
        assertThat(request.solutionConfig().eventValueThreshold()).isEqualTo("3.5");
        assertThat(request.solutionConfig().autoTrainingConfig()).isNull();
    }

    @Test
    void createsWithTheTrainingScheduleWhenAutoTrainingIsOn() {
        Map<String, Object> event = Events.withProperty(Events.withProperty(Events.load("solution/create"),
                "PerformAutoTraining", "true"), "AutoTrainingSchedule", "rate(14 days)");

        CreateSolutionRequest request = created(event);

        assertThat(request.performAutoTraining()).isTrue();
        assertThat(request.solutionConfig().autoTrainingConfig().schedulingExpression()).isEqualTo("rate(14 days)");
        assertThat(request.solutionConfig().algorithmHyperParameters()).containsEntry("bptt", "32");
    }

    @Test
    void readsHpoAndFeatureTransformationSettingsFromCloudFormationStrings() {
        String config = """
                {"hpoConfig": {"hpoResourceConfig": {"maxNumberOfTrainingJobs": "16", "maxParallelTrainingJobs": "4"},
                  "algorithmHyperParameterRanges": {"integerHyperParameterRanges": [
                    {"name": "bptt", "minValue": "16", "maxValue": "64"}]}},
                 "featureTransformationParameters": {"max_user_history_length_percentile": "0.99"}}""";
        Map<String, Object> event = Events.withProperty(Events.withProperty(Events.load("solution/create"),
                "SolutionConfig", config), "PerformHPO", "true");

        CreateSolutionRequest request = created(event);

        SolutionConfig sent = request.solutionConfig();
        assertThat(request.performHPO()).isTrue();
        assertThat(sent.hpoConfig().hpoResourceConfig().maxNumberOfTrainingJobs()).isEqualTo("16");
        assertThat(sent.hpoConfig().algorithmHyperParameterRanges().integerHyperParameterRanges().get(0).maxValue())
                .isEqualTo(64);
        assertThat(sent.featureTransformationParameters()).containsEntry("max_user_history_length_percentile", "0.99");
    }

    @Test
    void requiresPerformAutoTrainingBecausePersonalizesDefaultRetrainsWeekly() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "PerformAutoTraining", null);

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeSolution property PerformAutoTraining is required (true or false): "
                        + "set it explicitly, Personalize's default retrains weekly");
        verify(harness.personalize, never()).createSolution(any(CreateSolutionRequest.class));
    }

    @Test
    void rejectsAPerformAutoTrainingThatIsNotABoolean() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "PerformAutoTraining", "weekly");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolution property PerformAutoTraining must be true or false, not 'weekly'");
    }

    @Test
    void rejectsAScheduleWithoutAutoTraining() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "AutoTrainingSchedule",
                "rate(7 days)");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolution property AutoTrainingSchedule is set but PerformAutoTraining is "
                        + "false: remove the schedule or turn auto-training on");
    }

    @Test
    void rejectsAScheduleOutsideWhatPersonalizeAccepts() {
        Map<String, Object> event = Events.withProperty(Events.withProperty(Events.load("solution/create"),
                "PerformAutoTraining", "true"), "AutoTrainingSchedule", "rate(45 days)");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolution property AutoTrainingSchedule must be rate(N days) with N from 1 "
                        + "to 30, not 'rate(45 days)'");
    }

    @Test
    void rejectsARetiredRecipeAndNamesItsReplacement() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "RecipeArn",
                "arn:aws:personalize:::recipe/aws-hrnn-metadata");

        assertThatThrownBy(() -> harness.onEvent(event))
                .isInstanceOf(Failure.class)
                .hasMessage("Custom::PersonalizeSolution property RecipeArn names "
                        + "arn:aws:personalize:::recipe/aws-hrnn-metadata, a retired recipe Personalize no longer trains: "
                        + "use arn:aws:personalize:::recipe/aws-user-personalization-v2 instead");
        verify(harness.personalize, never()).createSolution(any(CreateSolutionRequest.class));
    }

    @Test
    void rejectsAutoMlBecauseItIsRetired() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "SolutionConfig",
                "{\"autoMLConfig\": {\"metricName\": \"precision_at_25\"}}");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessage("Custom::PersonalizeSolution property SolutionConfig sets autoMLConfig, but AutoML is retired: "
                        + "it only chose among the retired HRNN recipes; name the recipe in RecipeArn instead");
    }

    @Test
    void rejectsASolutionConfigFieldPersonalizeDoesNotKnow() {
        Map<String, Object> event = Events.withProperty(Events.load("solution/create"), "SolutionConfig",
                "{\"featureTransformationHyperParameters\": {}}");

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessageStartingWith("Custom::PersonalizeSolution property SolutionConfig is invalid: "
                        + "SolutionConfig.featureTransformationHyperParameters is not a field Personalize knows; "
                        + "the fields are ")
                .hasMessageContaining("featureTransformationParameters");
    }

    @Test
    void turnsOnAutoTrainingInPlaceAndWaitsForTheUpdate() {
        Map<String, Object> event = Events.load("solution/update-auto-training");
        when(harness.personalize.updateSolution(any(UpdateSolutionRequest.class)))
                .thenReturn(UpdateSolutionResponse.builder().solutionArn(ARN).build());
        when(harness.personalize.describeSolution(any(DescribeSolutionRequest.class))).thenReturn(
                described(false, update(true, "rate(7 days)", "CREATE IN_PROGRESS")),
                described(true, update(true, "rate(7 days)", "ACTIVE")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", ARN);
        ArgumentCaptor<UpdateSolutionRequest> request = ArgumentCaptor.forClass(UpdateSolutionRequest.class);
        verify(harness.personalize).updateSolution(request.capture());
        assertThat(request.getValue().performAutoTraining()).isTrue();
        assertThat(request.getValue().solutionUpdateConfig().autoTrainingConfig().schedulingExpression())
                .isEqualTo("rate(7 days)");
        verify(harness.personalize, never()).createSolution(any(CreateSolutionRequest.class));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true, "Data", Map.of("Arn", ARN)));
    }

    @Test
    void failsWithTheUpdatesFailureReasonWhenTheUpdateFails() {
        Map<String, Object> event = Events.load("solution/update-auto-training");
        when(harness.personalize.describeSolution(any(DescribeSolutionRequest.class))).thenReturn(
                described(false, update(true, "rate(7 days)", "CREATE FAILED").toBuilder()
                        .failureReason("Automatic training is not supported for this recipe.").build()));

        Map<String, Object> answer = harness.onEvent(event);

        assertThatThrownBy(() -> harness.isComplete(event, answer))
                .hasMessage("Custom::PersonalizeSolution " + NAME + " update is CREATE FAILED: "
                        + "Automatic training is not supported for this recipe.");
    }

    @Test
    void stopsInFlightVersionBeforeDeletingSolution() {
        String training = ARN + "/4f5e6d7c";
        String finished = ARN + "/0b1c2d3e";
        when(harness.personalize.listSolutionVersions(any(ListSolutionVersionsRequest.class))).thenReturn(
                versions(version(training, "CREATE IN_PROGRESS"), version(finished, "ACTIVE")),
                versions(version(training, "CREATE STOPPING"), version(finished, "ACTIVE")),
                versions(version(training, "CREATE STOPPED"), version(finished, "ACTIVE")));
        when(harness.personalize.describeSolution(any(DescribeSolutionRequest.class))).thenReturn(
                        described(false, null), described(false, null))
                .thenThrow(Errors.notFound(ARN));
        Map<String, Object> event = Events.load("solution/delete");

        Map<String, Object> answer = harness.onEvent(event);
        assertThat(harness.isComplete(event, answer)).as("still stopping").isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).as("stopped: delete sent").isEqualTo(Map.of("IsComplete", false));
        assertThat(harness.isComplete(event, answer)).isEqualTo(Map.of("IsComplete", true));

        InOrder order = inOrder(harness.personalize);
        order.verify(harness.personalize).listSolutionVersions(any(ListSolutionVersionsRequest.class));
        order.verify(harness.personalize).stopSolutionVersionCreation(
                StopSolutionVersionCreationRequest.builder().solutionVersionArn(training).build());
        order.verify(harness.personalize).describeSolution(any(DescribeSolutionRequest.class));
        order.verify(harness.personalize).listSolutionVersions(any(ListSolutionVersionsRequest.class));
        order.verify(harness.personalize).describeSolution(any(DescribeSolutionRequest.class));
        order.verify(harness.personalize).listSolutionVersions(any(ListSolutionVersionsRequest.class));
        order.verify(harness.personalize).deleteSolution(DeleteSolutionRequest.builder().solutionArn(ARN).build());
        order.verify(harness.personalize).describeSolution(any(DescribeSolutionRequest.class));
        order.verifyNoMoreInteractions();
    }

    @Test
    void readsEveryPageOfVersionsBeforeDeleting() {
        String training = ARN + "/4f5e6d7c";
        when(harness.personalize.listSolutionVersions(any(ListSolutionVersionsRequest.class))).thenReturn(
                versions(version(ARN + "/0b1c2d3e", "ACTIVE")).toBuilder().nextToken("page-2").build(),
                versions(version(training, "CREATE PENDING")));

        harness.onEvent(Events.load("solution/delete"));

        verify(harness.personalize).listSolutionVersions(
                ListSolutionVersionsRequest.builder().solutionArn(ARN).nextToken("page-2").build());
        verify(harness.personalize).stopSolutionVersionCreation(
                StopSolutionVersionCreationRequest.builder().solutionVersionArn(training).build());
        verify(harness.personalize, never()).deleteSolution(any(DeleteSolutionRequest.class));
    }

    private CreateSolutionRequest created(Map<String, Object> event) {
        when(harness.personalize.createSolution(any(CreateSolutionRequest.class)))
                .thenReturn(CreateSolutionResponse.builder().solutionArn(ARN).build());
        harness.onEvent(event);
        ArgumentCaptor<CreateSolutionRequest> request = ArgumentCaptor.forClass(CreateSolutionRequest.class);
        verify(harness.personalize).createSolution(request.capture());
        return request.getValue();
    }

    private static DescribeSolutionResponse described(boolean autoTraining, SolutionUpdateSummary update) {
        return DescribeSolutionResponse.builder().solution(Solution.builder().solutionArn(ARN).name(NAME).status("ACTIVE")
                .performAutoTraining(autoTraining).latestSolutionUpdate(update).build()).build();
    }

    private static SolutionUpdateSummary update(boolean autoTraining, String schedule, String status) {
        return SolutionUpdateSummary.builder().performAutoTraining(autoTraining).status(status)
                .solutionUpdateConfig(SolutionUpdateConfig.builder()
                        .autoTrainingConfig(AutoTrainingConfig.builder().schedulingExpression(schedule).build()).build())
                .build();
    }

    private static ListSolutionVersionsResponse versions(SolutionVersionSummary... versions) {
        return ListSolutionVersionsResponse.builder().solutionVersions(versions).build();
    }

    private static SolutionVersionSummary version(String arn, String status) {
        return SolutionVersionSummary.builder().solutionVersionArn(arn).status(status).build();
    }
}
