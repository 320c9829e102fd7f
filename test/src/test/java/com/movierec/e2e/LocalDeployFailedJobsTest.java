package com.movierec.e2e;

import static com.movierec.local.deployer.testing.Stacks.DATA;
import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.e2e.support.ApiDataLayerFiles;
import com.movierec.e2e.support.FreshEngineTest;
import com.movierec.e2e.support.EngineAdmin.EngineResource;
import com.movierec.e2e.support.LocalApi;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An import or a training that Personalize fails, injected through personalize-local's admin API: the local deploy
 * fails as CloudFormation would, naming the job's resource and Personalize's failureReason, rolls back to nothing
 * (a first deploy) or to the previous stage (an update, while the API keeps serving), and can simply be run again.
 * On the generated data: real MovieLens would only make it slower.
 */
class LocalDeployFailedJobsTest extends FreshEngineTest {
    private static final String IMPORT_FAILURE = "Input file has 3 rows whose TIMESTAMP is not in epoch seconds";
    private static final String TRAINING_FAILURE = "Not enough memory to train: retry with a smaller dataset";


    @Test
    void aFailedImportFailsTheDeployWithItsReasonAndTheDeployRunsCleanlyAgainAfterTheRollback() {
        DeployOptions options = engine.options(listener);
        admin.failNextImport(IMPORT_FAILURE);

        assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).startsWith("InteractionsImportJob");
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeDatasetImportJob");
                    assertThat(e.getMessage()).contains(e.logicalId(), IMPORT_FAILURE);
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                });
        assertThat(admin.resources()).isEmpty();
        assertThat(options.stateStore().load(DATA)).as("the stack before the failed one stays").isPresent();

        // Nothing the rollback missed (a name still taken, a stale state file) stands in the way of the retry.
        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        assertThat(admin.resources()).isNotEmpty().extracting(EngineResource::status).containsOnly("ACTIVE");
        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        assertThat(admin.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
    }

    @Test
    void aFailedTrainingFailsTheDeployNamingTheVersionAndTheRollbackRemovesTheImportedDataToo() {
        DeployOptions options = engine.options(listener);
        admin.failNextTraining(TRAINING_FAILURE);

        assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).isEqualTo(firstStarted("Custom::PersonalizeSolutionVersion"));
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeSolutionVersion");
                    assertThat(e.getMessage()).contains(e.logicalId(), "CREATE FAILED: " + TRAINING_FAILURE);
                    assertThat(e.signalledTo()).hasValueSatisfying(id -> assertThat(id).contains("Completion"));
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                });
        assertThat(listener.reached(PERSONALIZE, ResourceStatus.DELETE_COMPLETE)).as("rolled back")
                .anyMatch(id -> id.startsWith("InteractionsImportJob")).anyMatch(id -> id.startsWith("DatasetGroup"));
        assertThat(admin.resources()).isEmpty();
        assertThat(options.stateStore().load(PERSONALIZE)).isEmpty();
    }

    @Test
    void aFailedTrainingDuringAnUpdateRollsBackWhileTheApiKeepsServingTheDeployedCampaigns() {
        List<Integer> statusesDuringRollback = new ArrayList<>();
        AtomicReference<LocalApi> api = new AtomicReference<>();
        DeployListener probeTheApiOnRollback = event -> {
            listener.onEvent(event);
            if (event.isStackEvent() && event.status() == ResourceStatus.UPDATE_ROLLBACK_IN_PROGRESS) {
                statusesDuringRollback.add(api.get().get("/movies/1/similar?count=5").status());
            }
        };
        DeployOptions options = engine.options(probeTheApiOnRollback);
        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        ApiDataLayerFiles layer = ApiDataLayerFiles.of(SynthesizedDev.base());
        try (LocalApiServer server = LocalApiServer.start(engine.apiCredentials(), deployer.deployedApiEnvironment(), engine.server.endpoint(),
                layer.itemsCsv(), layer.knownUsers(), SynthesizedDev.STAGE, 0)) {
            api.set(new LocalApi(server.endpoint()));
            List<String> similarBefore = api.get().get("/movies/1/similar?count=5").movieIds();
            List<String> arnsBefore = arns();
            admin.failNextTraining(TRAINING_FAILURE);

            // The update replaces the related-items solution (aws-sims), whose new version is the next to train.
            assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.updated(), SynthesizedDev.STAGE, options))
                    .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                        assertThat(e.logicalId()).startsWith("RelatedItemsVersion");
                        assertThat(e.getMessage()).contains(e.logicalId(), TRAINING_FAILURE);
                        assertThat(e.finalStatus()).isEqualTo(ResourceStatus.UPDATE_ROLLBACK_COMPLETE);
                    });

            assertThat(statusesDuringRollback).containsExactly(200);
            assertThat(api.get().get("/movies/1/similar?count=5").movieIds()).isNotEmpty().isEqualTo(similarBefore);
            assertThat(api.get().get("/users/7/recommendations?count=5").status()).isEqualTo(200);
            assertThat(arns()).as("exactly the resources from before the update").isEqualTo(arnsBefore);
        }
        assertThat(admin.resources()).extracting(EngineResource::status).containsOnly("ACTIVE");
        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        assertThat(admin.resources()).isEmpty();
    }

    private List<String> arns() {
        return admin.resources().stream().map(EngineResource::arn).sorted().toList();
    }

    /** The logical id of the first resource of {@code type} the deploy started to create. */
    private String firstStarted(String type) {
        return listener.events().stream().filter(e -> e.resourceType().equals(type)
                && e.status() == ResourceStatus.CREATE_IN_PROGRESS).map(StackEvent::logicalId).findFirst().orElseThrow();
    }
}
