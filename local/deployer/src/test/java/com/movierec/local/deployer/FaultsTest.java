package com.movierec.local.deployer;

import static com.movierec.local.deployer.testing.Stacks.DATA;
import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.testing.LocalEngine;
import com.movierec.local.deployer.testing.RecordingListener;
import com.movierec.local.deployer.testing.Stacks;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stage deployed into an engine told to misbehave: a failed import or training fails the deploy with
 * Personalize's failureReason and the rollback leaves the engine empty; throttling is retried; a delete that
 * Personalize refuses while something still uses the resource is retried until it goes through.
 */
class FaultsTest {
    @TempDir
    Path tmp;
    private LocalEngine engine;
    private final RecordingListener listener = new RecordingListener();
    private final LocalDeployer deployer = new LocalDeployer();

    @BeforeEach
    void start() {
        engine = LocalEngine.start(tmp.resolve("s3"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aFailedImportFailsTheDeployNamingTheImportAndRollsBackToNothing() {
        engine.server.engine().faults().failNextImport("Input file has 3 rows whose TIMESTAMP is not a number");
        DeployOptions options = engine.options(listener);

        assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.stackName()).isEqualTo(PERSONALIZE);
                    assertThat(e.logicalId()).startsWith("InteractionsImportJob");
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeDatasetImportJob");
                    assertThat(e.reason()).startsWith("Custom::PersonalizeDatasetImportJob movierec-dev-import-"
                            + "interactions-").endsWith("is CREATE FAILED: Input file has 3 rows whose TIMESTAMP is "
                            + "not a number");
                    assertThat(e.signalledTo()).hasValueSatisfying(id -> assertThat(id)
                            .startsWith("InteractionsImportCompletion"));
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                    assertThat(e.getMessage()).startsWith(e.logicalId() + " (Custom::PersonalizeDatasetImportJob) "
                            + "failed: Custom::PersonalizeDatasetImportJob");
                });

        assertThat(engine.resources()).isEmpty();
        assertThat(options.stateStore().load(PERSONALIZE)).isEmpty();
        assertThat(options.stateStore().load(DATA)).as("the stack before the failed one stays, as with cdk deploy")
                .isPresent();
        assertThat(listener.stackStatuses(PERSONALIZE)).containsExactly(ResourceStatus.CREATE_IN_PROGRESS,
                ResourceStatus.ROLLBACK_IN_PROGRESS, ResourceStatus.ROLLBACK_COMPLETE);
        assertThat(listener.reached(PERSONALIZE, ResourceStatus.CREATE_FAILED)).singleElement()
                .satisfies(id -> assertThat(id).startsWith("InteractionsImportCompletion"));
        assertThat(listener.reached(PERSONALIZE, ResourceStatus.DELETE_COMPLETE)).containsExactlyInAnyOrderElementsOf(
                listener.reached(PERSONALIZE, ResourceStatus.CREATE_COMPLETE));
    }

    @Test
    void aFailedTrainingFailsTheDeployWithItsFailureReasonAndRollsBackToNothing() {
        engine.server.engine().faults().failNextTraining("Not enough interactions with EVENT_VALUE above 3");
        DeployOptions options = engine.options(listener);

        assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeSolutionVersion");
                    assertThat(e.reason()).contains("is CREATE FAILED: Not enough interactions with EVENT_VALUE");
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                });

        assertThat(engine.resources()).isEmpty();
        assertThat(options.stateStore().load(PERSONALIZE)).isEmpty();
    }

    @Test
    void throttledCallsAreRetriedByTheHandlersAndTheWatcher() {
        engine.server.engine().faults().throttleNext(5);
        AtomicBoolean throttledWatcher = new AtomicBoolean();
        DeployListener throttleWhileWatching = event -> {
            listener.onEvent(event);
            if (event.resourceType().equals("AWS::CloudFormation::WaitCondition")
                    && event.status() == ResourceStatus.CREATE_IN_PROGRESS
                    && throttledWatcher.compareAndSet(false, true)) {
                engine.server.engine().faults().throttleNext(3);
            }
        };
        DeployOptions options = engine.options(throttleWhileWatching);

        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);

        assertThat(engine.server.engine().faults().armed()).containsEntry("throttleNext", 0);
        assertThat(throttledWatcher).isTrue();
        assertThat(engine.resources("campaign")).hasSize(4).extracting(Resource::status).containsOnly("ACTIVE");
        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        assertThat(engine.resources()).isEmpty();
    }

    @Test
    void aDeleteRefusedWhileSomethingUsesTheResourceIsRetriedUntilItIsGone() throws Exception {
        DeployOptions deployOptions = engine.options(listener);
        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, deployOptions);
        String group = Stacks.physicalId(deployOptions.stateStore().load(PERSONALIZE).orElseThrow(), "DatasetGroup");
        String blocker = engine.personalize.createFilter(r -> r.name("made-outside-the-stack").datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")")).filterArn();
        awaitActive(blocker);
        Duration hold = Duration.ofMillis(600);
        AtomicReference<Thread> unblocking = new AtomicReference<>();
        DeployListener deleteBlockerLater = event -> {
            listener.onEvent(event);
            if (event.logicalId().startsWith("DatasetGroup") && event.status() == ResourceStatus.DELETE_IN_PROGRESS) {
                unblocking.set(Thread.startVirtualThread(() -> {
                    sleep(hold);
                    engine.personalize.deleteFilter(r -> r.filterArn(blocker));
                }));
            }
        };
        DeployOptions destroyOptions = engine.options(deleteBlockerLater).withStateStore(deployOptions.stateStore());

        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, destroyOptions);
        unblocking.get().join();

        StackEvent groupDeleted = listener.events().stream().filter(e -> e.logicalId().startsWith("DatasetGroup")
                && e.status() == ResourceStatus.DELETE_COMPLETE).findFirst().orElseThrow();
        assertThat(groupDeleted.elapsed()).hasValueSatisfying(elapsed -> assertThat(elapsed).isGreaterThan(hold));
        assertThat(engine.resources()).isEmpty();
    }

    private void awaitActive(String filterArn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!engine.personalize.describeFilter(r -> r.filterArn(filterArn)).filter().status().equals("ACTIVE")) {
            assertThat(System.nanoTime()).as("filter ACTIVE within 10 s").isLessThan(deadline);
            sleep(Duration.ofMillis(10));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
