package com.movierec.local.deployer;

import static com.movierec.local.deployer.testing.Stacks.API;
import static com.movierec.local.deployer.testing.Stacks.DATA;
import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.testing.GeneratedMovieData;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.Stacks;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The real dev stage (synthesized from cdk.json) deployed into personalize-local once, checked, deployed again
 * (nothing to do) and destroyed (nothing left). The tests run in that order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployDestroyTest {
    @TempDir
    static Path tmp;
    private static LocalEngine engine;
    private static final RecordingListener LISTENER = new RecordingListener();
    private static final LocalDeployer DEPLOYER = new LocalDeployer();
    private static DeployOptions options;
    private static StageDeployment deployment;

    @BeforeAll
    static void deploy() {
        engine = LocalEngine.start(tmp.resolve("s3"));
        options = engine.options(LISTENER);
        deployment = DEPLOYER.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    @Order(1)
    void everyPersonalizeResourceOfTheStackIsActiveInTheEngine() {
        assertThat(engine.resources()).extracting(Resource::status).containsOnly("ACTIVE");
        assertThat(engine.resources("dataset-group")).hasSize(1);
        assertThat(engine.resources("dataset")).hasSize(3);
        assertThat(engine.resources("dataset-import-job")).hasSize(3);
        assertThat(engine.resources("solution")).hasSize(4);
        assertThat(engine.resources("solution-version")).hasSize(4);
        assertThat(engine.resources("event-tracker")).hasSize(1);
        assertThat(engine.resources("filter")).hasSize(3);
        Map<String, String> outputs = deployment.stack(PERSONALIZE).outputValues();
        assertThat(engine.resources("campaign")).extracting(Resource::arn).containsExactlyInAnyOrder(
                outputs.get("UserPersonalizationCampaignArn"), outputs.get("RelatedItemsCampaignArn"),
                outputs.get("PopularityCampaignArn"), outputs.get("RankingCampaignArn"));
    }

    @Test
    @Order(1)
    void theCampaignsRecommendThroughTheRuntimeApi() {
        Map<String, String> outputs = deployment.stack(PERSONALIZE).outputValues();
        GetRecommendationsResponse forUser = engine.runtime.getRecommendations(r -> r
                .campaignArn(outputs.get("UserPersonalizationCampaignArn")).userId("1").numResults(10));
        GetRecommendationsResponse comedies = engine.runtime.getRecommendations(r -> r
                .campaignArn(outputs.get("PopularityCampaignArn")).numResults(5).userId("1")
                .filterArn(outputs.get("GenreFilterArn")).filterValues(Map.of("GENRE", "\"Comedy\"")));
        GetRecommendationsResponse similar = engine.runtime.getRecommendations(r -> r
                .campaignArn(outputs.get("RelatedItemsCampaignArn")).itemId("1").numResults(5));

        assertThat(forUser.itemList()).hasSize(10);
        assertThat(comedies.itemList()).isNotEmpty().extracting(PredictedItem::itemId)
                .allSatisfy(item -> assertThat(GeneratedMovieData.genresOf(Integer.parseInt(item))).contains("Comedy"));
        assertThat(similar.itemList()).isNotEmpty().extracting(PredictedItem::itemId).doesNotContain("1");
    }

    @Test
    @Order(1)
    void theDataStackUploadsThePreparedDataWhereTheImportJobsReadIt() {
        StackState personalize = deployment.stack(PERSONALIZE);
        String location = Stacks.resource(personalize, "InteractionsImportJob").properties()
                .path("DataLocation").asText();
        String bucket = deployment.stack(DATA).outputValues().get("DataBucketName");

        assertThat(location).startsWith("s3://" + bucket + "/datasets/ml-100k/").endsWith("/interactions.csv");
        // The three datasets, and the batch stack's users file for batch recommendations.
        assertThat(engine.s3Files()).contains(location.substring("s3://".length()))
                .filteredOn(file -> !file.equals(bucket + "/batch/input/users.json"))
                .allSatisfy(file -> assertThat(file).startsWith(bucket + "/datasets/ml-100k/"))
                .hasSize(3);
        assertThat(engine.s3Files()).contains(bucket + "/batch/input/users.json").hasSize(4);
    }

    @Test
    @Order(1)
    void theApiFunctionsEnvironmentNamesTheDeployedResources() {
        Map<String, String> environment = DEPLOYER.deployedApiEnvironment();
        Map<String, String> outputs = deployment.stack(PERSONALIZE).outputValues();

        assertThat(environment).containsEntry("USER_PERSONALIZATION_CAMPAIGN_ARN",
                        outputs.get("UserPersonalizationCampaignArn"))
                .containsEntry("RELATED_ITEMS_CAMPAIGN_ARN", outputs.get("RelatedItemsCampaignArn"))
                .containsEntry("EVENT_TRACKER_ID", outputs.get("EventTrackerTrackingId"))
                .containsEntry("EVENT_TYPE", "Watch");
        List<String> arns = engine.resources().stream().map(Resource::arn).toList();
        assertThat(environment).allSatisfy((name, value) -> {
            if (name.endsWith("_ARN")) {
                assertThat(arns).as(name).contains(value);
            }
        });
        assertThat(environment).isEqualTo(deployment.apiEnvironment());
    }

    @Test
    @Order(1)
    void eachResourceIsCreatedAfterWhatItNeedsAndReportedAsItHappens() {
        List<String> steps = LISTENER.steps(PERSONALIZE);
        String group = Stacks.resource(deployment.stack(PERSONALIZE), "DatasetGroup").logicalId();
        String dataset = Stacks.resource(deployment.stack(PERSONALIZE), "InteractionsDataset").logicalId();
        String campaign = Stacks.resource(deployment.stack(PERSONALIZE), "RankingCampaign").logicalId();
        String metrics = Stacks.resource(deployment.stack(PERSONALIZE), "RankingVersionMetrics").logicalId();

        assertThat(steps.indexOf(group + " CREATE_COMPLETE"))
                .isLessThan(steps.indexOf(dataset + " CREATE_IN_PROGRESS"));
        assertThat(steps.indexOf(metrics + " CREATE_COMPLETE"))
                .isLessThan(steps.indexOf(campaign + " CREATE_IN_PROGRESS"));
        assertThat(LISTENER.reached(PERSONALIZE, ResourceStatus.CREATE_COMPLETE))
                .containsExactlyInAnyOrderElementsOf(deployment.stack(PERSONALIZE).resources().keySet());
        assertThat(LISTENER.stackStatuses(PERSONALIZE))
                .containsExactly(ResourceStatus.CREATE_IN_PROGRESS, ResourceStatus.CREATE_COMPLETE);
    }

    @Test
    @Order(2)
    void deployingAgainChangesNothing() {
        LISTENER.clear();
        List<String> arnsBefore = engine.resources().stream().map(Resource::arn).toList();

        StageDeployment again = DEPLOYER.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);

        assertThat(LISTENER.events()).allSatisfy(event -> {
            assertThat(event.isStackEvent()).isTrue();
            assertThat(event.status()).isEqualTo(ResourceStatus.CREATE_COMPLETE);
            assertThat(event.reason()).contains("No updates are to be performed.");
        });
        assertThat(engine.resources()).extracting(Resource::arn).containsExactlyElementsOf(arnsBefore);
        assertThat(again.stacks()).isEqualTo(deployment.stacks());
    }

    @Test
    @Order(3)
    void destroyDeletesEveryResourceAndEveryUploadedFile() {
        DEPLOYER.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);

        assertThat(engine.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
        assertThat(options.stateStore().all()).isEmpty();
        assertThat(LISTENER.stackStatuses(API)).endsWith(ResourceStatus.DELETE_COMPLETE);
        assertThatThrownBy(DEPLOYER::deployedApiEnvironment).isInstanceOf(IllegalStateException.class);
    }
}
