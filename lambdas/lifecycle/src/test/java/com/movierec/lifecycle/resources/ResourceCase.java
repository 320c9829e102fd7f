package com.movierec.lifecycle.resources;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.LinkedList;
import java.util.Map;
import org.mockito.stubbing.OngoingStubbing;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CreateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.CreateCampaignResponse;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupResponse;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetResponse;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerResponse;
import software.amazon.awssdk.services.personalize.model.CreateFilterRequest;
import software.amazon.awssdk.services.personalize.model.CreateFilterResponse;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;
import software.amazon.awssdk.services.personalize.model.CreateSchemaResponse;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionResponse;
import software.amazon.awssdk.services.personalize.model.Dataset;
import software.amazon.awssdk.services.personalize.model.DatasetGroup;
import software.amazon.awssdk.services.personalize.model.DatasetSchema;
import software.amazon.awssdk.services.personalize.model.DeleteCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DeleteEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DeleteFilterRequest;
import software.amazon.awssdk.services.personalize.model.DeleteSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DeleteSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupResponse;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetResponse;
import software.amazon.awssdk.services.personalize.model.DescribeEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DescribeEventTrackerResponse;
import software.amazon.awssdk.services.personalize.model.DescribeFilterRequest;
import software.amazon.awssdk.services.personalize.model.DescribeFilterResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionResponse;
import software.amazon.awssdk.services.personalize.model.EventTracker;
import software.amazon.awssdk.services.personalize.model.Filter;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsRequest;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsResponse;
import software.amazon.awssdk.services.personalize.model.Solution;

/**
 * One described resource type as the contract tests see it: its fixtures, the Personalize calls it makes and the SDK
 * responses Personalize gives, so the behaviour every type shares is tested once for each.
 */
abstract class ResourceCase {
    static final String ACCOUNT = "arn:aws:personalize:us-east-1:123456789012:";

    final String type;
    final String fixtures;
    final String arn;
    final String replacementFixture;
    final String replacementArn;

    ResourceCase(String type, String fixtures, String arn, String replacementFixture, String replacementArn) {
        this.type = type;
        this.fixtures = fixtures;
        this.arn = arn;
        this.replacementFixture = replacementFixture;
        this.replacementArn = replacementArn;
    }

    abstract OngoingStubbing<?> whenCreate(PersonalizeClient personalize);

    abstract Object created(String arn);

    abstract OngoingStubbing<?> whenDescribe(PersonalizeClient personalize);

    /** The Describe response for a resource in {@code status}; a null status is a schema, which has none. */
    abstract Object described(String arn, String status, String failureReason);

    abstract OngoingStubbing<?> whenDelete(PersonalizeClient personalize);

    /** A schema has no status: it exists or it does not, and DeleteSchema is immediate. */
    boolean hasStatus() {
        return this != SCHEMA;
    }

    /** Whether Personalize reports a failureReason for this type at all. */
    boolean reportsFailureReason() {
        return true;
    }

    Map<String, String> attributes(String arn) {
        return Map.of("Arn", arn);
    }

    /** Stubs the calls a delete of this type makes besides Describe and Delete. */
    void prepareDelete(PersonalizeClient personalize) {
    }

    /** Each call answers the next outcome: a response (null for a Delete), or a Throwable; the last one repeats. */
    static void answers(OngoingStubbing<?> stubbing, Object... outcomes) {
        LinkedList<Object> queue = new LinkedList<>(Arrays.asList(outcomes));
        stubbing.thenAnswer(invocation -> {
            Object outcome = queue.size() > 1 ? queue.poll() : queue.peek();
            if (outcome instanceof Throwable error) {
                throw error;
            }
            return outcome;
        });
    }

    @Override
    public String toString() {
        return type;
    }

    static final ResourceCase SCHEMA = new ResourceCase("Custom::PersonalizeSchema", "schema",
            ACCOUNT + "schema/movierec-dev-interactions-1a2b3c4d", "schema/update-schema",
            ACCOUNT + "schema/movierec-dev-interactions-5e6f7a8b") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createSchema(any(CreateSchemaRequest.class)));
        }

        Object created(String arn) {
            return CreateSchemaResponse.builder().schemaArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeSchema(any(DescribeSchemaRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeSchemaResponse.builder()
                    .schema(DatasetSchema.builder().schemaArn(arn).name("movierec-dev-interactions-1a2b3c4d").build())
                    .build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteSchema(any(DeleteSchemaRequest.class)));
        }
    };

    static final ResourceCase DATASET_GROUP = new ResourceCase("Custom::PersonalizeDatasetGroup", "dataset-group",
            ACCOUNT + "dataset-group/movierec-dev-1a2b3c4d", "dataset-group/update-name",
            ACCOUNT + "dataset-group/movierec-dev-5e6f7a8b") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createDatasetGroup(any(CreateDatasetGroupRequest.class)));
        }

        Object created(String arn) {
            return CreateDatasetGroupResponse.builder().datasetGroupArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeDatasetGroup(any(DescribeDatasetGroupRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeDatasetGroupResponse.builder().datasetGroup(DatasetGroup.builder()
                    .datasetGroupArn(arn).name("movierec-dev-1a2b3c4d").status(status).failureReason(failureReason)
                    .build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteDatasetGroup(any(DeleteDatasetGroupRequest.class)));
        }
    };

    static final ResourceCase DATASET = new ResourceCase("Custom::PersonalizeDataset", "dataset",
            ACCOUNT + "dataset/movierec-dev-1a2b3c4d/INTERACTIONS", "dataset/update-dataset-group",
            ACCOUNT + "dataset/movierec-dev-5e6f7a8b/INTERACTIONS") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createDataset(any(CreateDatasetRequest.class)));
        }

        Object created(String arn) {
            return CreateDatasetResponse.builder().datasetArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeDataset(any(DescribeDatasetRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeDatasetResponse.builder().dataset(Dataset.builder()
                    .datasetArn(arn).name("movierec-dev-interactions").datasetType("Interactions").status(status)
                    .schemaArn(ACCOUNT + "schema/movierec-dev-interactions-1a2b3c4d").build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteDataset(any(DeleteDatasetRequest.class)));
        }

        boolean reportsFailureReason() {
            return false;
        }
    };

    static final ResourceCase SOLUTION = new ResourceCase("Custom::PersonalizeSolution", "solution",
            ACCOUNT + "solution/movierec-dev-user-personalization-1a2b3c4d", "solution/update-recipe",
            ACCOUNT + "solution/movierec-dev-user-personalization-5e6f7a8b") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createSolution(any(CreateSolutionRequest.class)));
        }

        Object created(String arn) {
            return CreateSolutionResponse.builder().solutionArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeSolution(any(DescribeSolutionRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeSolutionResponse.builder().solution(Solution.builder()
                    .solutionArn(arn).name("movierec-dev-user-personalization-1a2b3c4d").status(status)
                    .performAutoTraining(false).build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteSolution(any(DeleteSolutionRequest.class)));
        }

        boolean reportsFailureReason() {
            return false;
        }

        void prepareDelete(PersonalizeClient p) {
            when(p.listSolutionVersions(any(ListSolutionVersionsRequest.class)))
                    .thenReturn(ListSolutionVersionsResponse.builder().build());
        }
    };

    static final ResourceCase CAMPAIGN = new ResourceCase("Custom::PersonalizeCampaign", "campaign",
            ACCOUNT + "campaign/movierec-dev-recommendations-1a2b3c4d", "campaign/update-name",
            ACCOUNT + "campaign/movierec-dev-recommendations-5e6f7a8b") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createCampaign(any(CreateCampaignRequest.class)));
        }

        Object created(String arn) {
            return CreateCampaignResponse.builder().campaignArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeCampaign(any(DescribeCampaignRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeCampaignResponse.builder().campaign(Campaign.builder()
                    .campaignArn(arn).name("movierec-dev-recommendations-1a2b3c4d").status(status)
                    .failureReason(failureReason).build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteCampaign(any(DeleteCampaignRequest.class)));
        }
    };

    static final ResourceCase EVENT_TRACKER = new ResourceCase("Custom::PersonalizeEventTracker", "event-tracker",
            ACCOUNT + "event-tracker/0a1b2c3d4e5f", "event-tracker/update-name",
            ACCOUNT + "event-tracker/6a7b8c9d0e1f") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createEventTracker(any(CreateEventTrackerRequest.class)));
        }

        Object created(String arn) {
            return CreateEventTrackerResponse.builder().eventTrackerArn(arn).trackingId("tracking-" + arn.hashCode()).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeEventTracker(any(DescribeEventTrackerRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeEventTrackerResponse.builder().eventTracker(EventTracker.builder()
                    .eventTrackerArn(arn).name("movierec-dev-events-1a2b3c4d").status(status)
                    .trackingId("tracking-" + arn.hashCode()).build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteEventTracker(any(DeleteEventTrackerRequest.class)));
        }

        boolean reportsFailureReason() {
            return false;
        }

        Map<String, String> attributes(String arn) {
            return Map.of("Arn", arn, "TrackingId", "tracking-" + arn.hashCode());
        }
    };

    static final ResourceCase FILTER = new ResourceCase("Custom::PersonalizeFilter", "filter",
            ACCOUNT + "filter/movierec-dev-unwatched-1a2b3c4d", "filter/update-expression",
            ACCOUNT + "filter/movierec-dev-unwatched-5e6f7a8b") {
        OngoingStubbing<?> whenCreate(PersonalizeClient p) {
            return when(p.createFilter(any(CreateFilterRequest.class)));
        }

        Object created(String arn) {
            return CreateFilterResponse.builder().filterArn(arn).build();
        }

        OngoingStubbing<?> whenDescribe(PersonalizeClient p) {
            return when(p.describeFilter(any(DescribeFilterRequest.class)));
        }

        Object described(String arn, String status, String failureReason) {
            return DescribeFilterResponse.builder().filter(Filter.builder()
                    .filterArn(arn).name("movierec-dev-unwatched-1a2b3c4d").status(status).failureReason(failureReason)
                    .build()).build();
        }

        OngoingStubbing<?> whenDelete(PersonalizeClient p) {
            return when(p.deleteFilter(any(DeleteFilterRequest.class)));
        }
    };
}
