package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.movierec.lifecycle.testing.Events;
import com.movierec.lifecycle.testing.Harness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.personalize.model.CreateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.CreateCampaignResponse;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupResponse;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobResponse;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetResponse;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerResponse;
import software.amazon.awssdk.services.personalize.model.CreateFilterRequest;
import software.amazon.awssdk.services.personalize.model.CreateFilterResponse;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionResponse;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.Tag;
import software.amazon.awssdk.services.personalize.model.TagResourceRequest;
import software.amazon.awssdk.services.personalize.model.UntagResourceRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** The Tags property: passed to every Create that takes tags, changed in place with TagResource/UntagResource. */
class ResourceTagsTest {
    private static final List<Map<String, String>> TAGS = List.of(
            Map.of("Key", "Project", "Value", "movierec"),
            Map.of("Key", "Environment", "Value", "dev"),
            Map.of("Key", "CostCenter", "Value", "recommendations"));
    private static final List<Tag> SDK_TAGS = List.of(
            Tag.builder().tagKey("Project").tagValue("movierec").build(),
            Tag.builder().tagKey("Environment").tagValue("dev").build(),
            Tag.builder().tagKey("CostCenter").tagValue("recommendations").build());
    private static final String ARN = ResourceCase.ACCOUNT + "thing/x";
    private static final String FILTER_ARN = ResourceCase.ACCOUNT + "filter/movierec-dev-unwatched-1a2b3c4d";

    private final Harness harness = new Harness();

    @Test
    void everyCreateThatTakesTagsCarriesThem() {
        stubCreates();
        for (String fixture : List.of("dataset-group", "dataset", "dataset-import-job", "solution",
                "solution-version", "campaign", "event-tracker", "filter")) {
            harness.onEvent(Events.withProperty(Events.load(fixture + "/create"), "Tags", TAGS));
        }

        assertThat(created().values()).allSatisfy(tags -> assertThat(tags).isEqualTo(SDK_TAGS));
    }

    @Test
    void aResourceWithoutTagsCreatesWithout() {
        stubCreates();
        for (String fixture : List.of("dataset-group", "dataset", "dataset-import-job", "solution",
                "solution-version", "campaign", "event-tracker", "filter")) {
            harness.onEvent(Events.withProperty(Events.load(fixture + "/create"), "Tags", null));
        }

        assertThat(created()).hasSize(8).allSatisfy((operation, tags) -> assertThat(tags).as(operation).isNull());
    }

    @Test
    void aChangeOfTagsAloneIsAppliedInPlace() {
        Map<String, Object> event = tagsOnlyUpdate(
                List.of(Map.of("Key", "Project", "Value", "movierec"), Map.of("Key", "CostCenter", "Value", "old"),
                        Map.of("Key", "Team", "Value", "recs")),
                List.of(Map.of("Key", "Project", "Value", "movierec"), Map.of("Key", "CostCenter", "Value", "new")));

        Map<String, Object> answer = harness.onEvent(event);

        assertThat(answer).containsEntry("PhysicalResourceId", FILTER_ARN);
        verify(harness.personalize, never()).createFilter(any(CreateFilterRequest.class));
        verify(harness.personalize).untagResource(
                UntagResourceRequest.builder().resourceArn(FILTER_ARN).tagKeys("Team").build());
        verify(harness.personalize).tagResource(TagResourceRequest.builder().resourceArn(FILTER_ARN)
                .tags(Tag.builder().tagKey("CostCenter").tagValue("new").build()).build());
    }

    @Test
    void addingTagsToAnUntaggedResourceTagsIt() {
        Map<String, Object> event = tagsOnlyUpdate(null, TAGS);

        harness.onEvent(event);

        verify(harness.personalize, never()).createFilter(any(CreateFilterRequest.class));
        verify(harness.personalize, never()).untagResource(any(UntagResourceRequest.class));
        verify(harness.personalize).tagResource(
                TagResourceRequest.builder().resourceArn(FILTER_ARN).tags(SDK_TAGS).build());
    }

    @Test
    void rejectsTagsThatAreNotKeyValuePairs() {
        Map<String, Object> event = Events.withProperty(Events.load("filter/create"), "Tags",
                Map.of("Project", "movierec"));

        assertThatThrownBy(() -> harness.onEvent(event))
                .hasMessageStartingWith("Custom::PersonalizeFilter property Tags must be a list of");
    }

    /** The filter update fixture with its expression and name unchanged, so only Tags differ. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tagsOnlyUpdate(List<Map<String, String>> before,
                                                      List<Map<String, String>> after) {
        Map<String, Object> event = new LinkedHashMap<>(Events.load("filter/update-expression"));
        Map<String, Object> old = new LinkedHashMap<>((Map<String, Object>) event.get("OldResourceProperties"));
        if (before != null) {
            old.put("Tags", before);
        }
        event.put("OldResourceProperties", old);
        Map<String, Object> properties = new LinkedHashMap<>(old);
        properties.put("Tags", after);
        event.put("ResourceProperties", properties);
        return event;
    }

    private void stubCreates() {
        when(harness.personalize.createDatasetGroup(any(CreateDatasetGroupRequest.class)))
                .thenReturn(CreateDatasetGroupResponse.builder().datasetGroupArn(ARN).build());
        when(harness.personalize.createDataset(any(CreateDatasetRequest.class)))
                .thenReturn(CreateDatasetResponse.builder().datasetArn(ARN).build());
        when(harness.personalize.createDatasetImportJob(any(CreateDatasetImportJobRequest.class)))
                .thenReturn(CreateDatasetImportJobResponse.builder().datasetImportJobArn(ARN).build());
        when(harness.personalize.createSolution(any(CreateSolutionRequest.class)))
                .thenReturn(CreateSolutionResponse.builder().solutionArn(ARN).build());
        when(harness.personalize.createSolutionVersion(any(CreateSolutionVersionRequest.class)))
                .thenReturn(CreateSolutionVersionResponse.builder().solutionVersionArn(ARN).build());
        when(harness.personalize.createCampaign(any(CreateCampaignRequest.class)))
                .thenReturn(CreateCampaignResponse.builder().campaignArn(ARN).build());
        when(harness.personalize.createEventTracker(any(CreateEventTrackerRequest.class)))
                .thenReturn(CreateEventTrackerResponse.builder().eventTrackerArn(ARN).build());
        when(harness.personalize.createFilter(any(CreateFilterRequest.class)))
                .thenReturn(CreateFilterResponse.builder().filterArn(ARN).build());
        when(harness.sfn.startExecution(any(StartExecutionRequest.class)))
                .thenReturn(StartExecutionResponse.builder().executionArn("arn:aws:states:x").build());
    }

    /** Each Create call's tags, null when the request carries none. */
    private Map<String, List<Tag>> created() {
        Map<String, List<Tag>> tags = new LinkedHashMap<>();
        var group = ArgumentCaptor.forClass(CreateDatasetGroupRequest.class);
        verify(harness.personalize).createDatasetGroup(group.capture());
        put(tags, "CreateDatasetGroup", group.getValue().hasTags(), group.getValue().tags());
        var dataset = ArgumentCaptor.forClass(CreateDatasetRequest.class);
        verify(harness.personalize).createDataset(dataset.capture());
        put(tags, "CreateDataset", dataset.getValue().hasTags(), dataset.getValue().tags());
        var job = ArgumentCaptor.forClass(CreateDatasetImportJobRequest.class);
        verify(harness.personalize).createDatasetImportJob(job.capture());
        put(tags, "CreateDatasetImportJob", job.getValue().hasTags(), job.getValue().tags());
        var solution = ArgumentCaptor.forClass(CreateSolutionRequest.class);
        verify(harness.personalize).createSolution(solution.capture());
        put(tags, "CreateSolution", solution.getValue().hasTags(), solution.getValue().tags());
        var version = ArgumentCaptor.forClass(CreateSolutionVersionRequest.class);
        verify(harness.personalize).createSolutionVersion(version.capture());
        put(tags, "CreateSolutionVersion", version.getValue().hasTags(), version.getValue().tags());
        var campaign = ArgumentCaptor.forClass(CreateCampaignRequest.class);
        verify(harness.personalize).createCampaign(campaign.capture());
        put(tags, "CreateCampaign", campaign.getValue().hasTags(), campaign.getValue().tags());
        var tracker = ArgumentCaptor.forClass(CreateEventTrackerRequest.class);
        verify(harness.personalize).createEventTracker(tracker.capture());
        put(tags, "CreateEventTracker", tracker.getValue().hasTags(), tracker.getValue().tags());
        var filter = ArgumentCaptor.forClass(CreateFilterRequest.class);
        verify(harness.personalize).createFilter(filter.capture());
        put(tags, "CreateFilter", filter.getValue().hasTags(), filter.getValue().tags());
        return tags;
    }

    private static void put(Map<String, List<Tag>> tags, String operation, boolean has, List<Tag> value) {
        tags.put(operation, has ? value : null);
    }
}
