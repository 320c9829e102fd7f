package com.movierec.local.deployer;

import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.Stacks;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.model.Campaign;

/**
 * The dev stage deployed, then updated to 2 provisioned TPS per campaign and aws-sims for related items: the
 * campaigns change in place, the related-items solution, version and campaign are replaced and the old ones deleted
 * after the update. Then an update that fails in training rolls back to exactly that state. The tests run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpdateTest {
    @TempDir
    static Path tmp;
    private static LocalEngine engine;
    private static final RecordingListener LISTENER = new RecordingListener();
    private static final LocalDeployer DEPLOYER = new LocalDeployer();
    private static DeployOptions options;
    private static StackState before;
    private static StageDeployment updated;

    @BeforeAll
    static void deployThenUpdate() {
        engine = LocalEngine.start(tmp.resolve("s3"));
        options = engine.options(LISTENER);
        before = DEPLOYER.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options).stack(PERSONALIZE);
        LISTENER.clear();
        updated = DEPLOYER.deploy(SynthesizedDev.updated(), SynthesizedDev.STAGE, options);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    @Order(1)
    void aChangedCampaignSettingUpdatesTheCampaignInPlace() {
        String arn = Stacks.physicalId(before, "UserPersonalizationCampaign");
        Campaign campaign = engine.personalize.describeCampaign(r -> r.campaignArn(arn)).campaign();

        assertThat(Stacks.physicalId(updated.stack(PERSONALIZE), "UserPersonalizationCampaign")).isEqualTo(arn);
        assertThat(campaign.minProvisionedTPS()).isEqualTo(2);
        assertThat(campaign.status()).isEqualTo("ACTIVE");
        assertThat(LISTENER.reached(PERSONALIZE, ResourceStatus.UPDATE_COMPLETE))
                .contains(Stacks.resource(before, "UserPersonalizationCampaign").logicalId());
    }

    @Test
    @Order(1)
    void aChangedRecipeReplacesTheSolutionAndItsCampaignAndDeletesTheOldOnesAfterwards() {
        StackState after = updated.stack(PERSONALIZE);
        String oldSolution = Stacks.physicalId(before, "RelatedItemsSolution");
        String oldCampaign = Stacks.physicalId(before, "RelatedItemsCampaign");
        String newSolution = Stacks.physicalId(after, "RelatedItemsSolution");
        String newCampaign = Stacks.physicalId(after, "RelatedItemsCampaign");
        List<String> arns = engine.resources().stream().map(Resource::arn).toList();

        assertThat(newSolution).isNotEqualTo(oldSolution);
        assertThat(newCampaign).isNotEqualTo(oldCampaign);
        assertThat(arns).contains(newSolution, newCampaign).doesNotContain(oldSolution, oldCampaign);
        assertThat(engine.personalize.describeSolution(r -> r.solutionArn(newSolution)).solution().recipeArn())
                .endsWith("/aws-sims");
        assertThat(after.outputValues()).containsEntry("RelatedItemsCampaignArn", newCampaign);
        assertThat(DEPLOYER.deployedApiEnvironment()).containsEntry("RELATED_ITEMS_CAMPAIGN_ARN", newCampaign);
    }

    @Test
    @Order(1)
    void theOldResourcesAreDeletedOnlyInTheCleanupAfterEverythingElseSucceeded() {
        String campaignId = Stacks.resource(before, "RelatedItemsCampaign").logicalId();
        List<String> steps = LISTENER.steps(PERSONALIZE);
        int lastUpdate = steps.lastIndexOf(Stacks.resource(before, "UserPersonalizationCampaign").logicalId()
                + " UPDATE_COMPLETE");

        assertThat(LISTENER.stackStatuses(PERSONALIZE)).containsExactly(ResourceStatus.UPDATE_IN_PROGRESS,
                ResourceStatus.UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, ResourceStatus.UPDATE_COMPLETE);
        assertThat(steps.indexOf(campaignId + " DELETE_COMPLETE")).isGreaterThan(lastUpdate);
        assertThat(steps.indexOf(campaignId + " DELETE_COMPLETE"))
                .isLessThan(steps.indexOf(Stacks.resource(before, "RelatedItemsSolution").logicalId()
                        + " DELETE_COMPLETE"));
        assertThat(Stacks.resources(updated.stack(PERSONALIZE), "RelatedItemsVersionCompletion"))
                .as("the old WaitCondition and handle left the stack").hasSize(2)
                .noneMatch(r -> before.resources().containsKey(r.logicalId()));
        assertThat(LISTENER.steps(PERSONALIZE)).noneMatch(step -> step.startsWith("DatasetGroup"));
    }

    @Test
    @Order(2)
    void anUpdateWhoseTrainingFailsRollsBackToThePreviousState() {
        engine.server.engine().faults().failNextTraining("the training data has too few items for aws-similar-items");
        StackState current = options.stateStore().load(PERSONALIZE).orElseThrow();
        List<String> arnsBefore = engine.resources().stream().map(Resource::arn).sorted().toList();

        assertThatThrownBy(() -> DEPLOYER.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).startsWith("RelatedItemsVersion");
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeSolutionVersion");
                    assertThat(e.reason()).contains("CREATE FAILED", "too few items for aws-similar-items");
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.UPDATE_ROLLBACK_COMPLETE);
                });

        StackState rolledBack = options.stateStore().load(PERSONALIZE).orElseThrow();
        assertThat(rolledBack.resources()).isEqualTo(current.resources());
        assertThat(rolledBack.status()).isEqualTo(ResourceStatus.UPDATE_ROLLBACK_COMPLETE);
        assertThat(engine.resources().stream().map(Resource::arn).sorted().toList()).isEqualTo(arnsBefore);
        assertThat(engine.resources()).extracting(Resource::status).containsOnly("ACTIVE");
    }

    @Test
    @Order(3)
    void afterTheRollbackTheSameUpdateFindsNothingToDoAndDestroyEmptiesTheEngine() {
        LISTENER.clear();
        DEPLOYER.deploy(SynthesizedDev.updated(), SynthesizedDev.STAGE, options);
        assertThat(LISTENER.steps(PERSONALIZE)).isEmpty();

        DEPLOYER.destroy(SynthesizedDev.updated(), SynthesizedDev.STAGE, options);
        assertThat(engine.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
    }
}
