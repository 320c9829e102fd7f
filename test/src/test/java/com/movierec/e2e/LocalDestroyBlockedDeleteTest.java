package com.movierec.e2e;

import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.e2e.support.FreshEngineTest;
import com.movierec.e2e.support.EngineAdmin.EngineResource;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.testing.Stacks;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * Deletes Personalize refuses (ResourceInUseException) while something made outside the stack still needs the
 * resource: the destroy deals with it or waits, in CloudFormation's order, and when the dependant never goes it
 * fails after the custom resource's timeout with the stack DELETE_FAILED, and a second destroy finishes the job once
 * the dependant is gone. On the generated data.
 */
class LocalDestroyBlockedDeleteTest extends FreshEngineTest {
    private static final int TRAINING_MS = 1500;

    private DeployOptions options;

    @BeforeEach
    void deploy() {
        options = engine.options(listener);
        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        listener.clear();
    }

    @Test
    void aRetrainingStartedOutsideTheStackIsStoppedByTheDestroyWhichThenDeletesEverything() throws Exception {
        String solution = Stacks.physicalId(stack(), "UserPersonalizationSolution");
        admin.delays(10, TRAINING_MS, 10, 10);
        AtomicReference<String> retraining = new AtomicReference<>();
        Set<String> statusesSeen = ConcurrentHashMap.newKeySet();
        AtomicReference<Thread> watching = new AtomicReference<>();
        // Someone retrains the solution just as the destroy reaches it, so the training is surely still running.
        DeployListener retrainWhenReached = event -> {
            listener.onEvent(event);
            if (event.logicalId().startsWith("UserPersonalizationSolution")
                    && event.status() == ResourceStatus.DELETE_IN_PROGRESS) {
                retraining.set(engine.personalize.createSolutionVersion(r -> r.solutionArn(solution))
                        .solutionVersionArn());
                watching.set(Thread.startVirtualThread(() -> watchUntilGone(retraining.get(), statusesSeen)));
            }
        };

        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE,
                engine.options(retrainWhenReached).withStateStore(options.stateStore()));
        watching.get().join(Duration.ofSeconds(10));

        // Personalize refuses to delete a solution while a version trains: the handler stops it, then deletes.
        assertThat(statusesSeen).contains("CREATE STOPPING").doesNotContain("ACTIVE");
        assertThat(deleteOf("UserPersonalizationSolution").elapsed()).hasValueSatisfying(elapsed ->
                assertThat(elapsed).isGreaterThan(Duration.ofMillis(TRAINING_MS / 2)));
        assertThat(admin.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
    }

    @Test
    void aDependantThatNeverGoesFailsTheDestroyAtTheTimeoutAndASecondDestroyFinishesOnceItIsGone() throws Exception {
        String group = Stacks.physicalId(stack(), "DatasetGroup");
        String outsideFilter = engine.personalize.createFilter(r -> r.name("an-analysts-filter").datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Click\")")).filterArn();
        awaitActive(outsideFilter);
        DeployOptions shortTimeout = engine.options(listener).withStateStore(options.stateStore())
                .withCompletionTimeout(Duration.ofSeconds(3));

        assertThatThrownBy(() -> deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, shortTimeout))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).isEqualTo(Stacks.resource(stack(), "DatasetGroup").logicalId());
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeDatasetGroup");
                    assertThat(e.getMessage()).contains(e.logicalId(), "Operation timed out");
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.DELETE_FAILED);
                });
        // Everything else went, dependants first; only the group and what the outside put in it are left.
        assertThat(admin.resources()).extracting(EngineResource::arn).containsExactlyInAnyOrder(group, outsideFilter);
        assertThat(stack().status()).isEqualTo(ResourceStatus.DELETE_FAILED);
        assertThat(listener.stackStatuses(PERSONALIZE)).endsWith(ResourceStatus.DELETE_FAILED);

        engine.personalize.deleteFilter(r -> r.filterArn(outsideFilter));
        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);

        assertThat(admin.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
        assertThat(options.stateStore().all()).isEmpty();
    }

    private StackState stack() {
        return Stacks.stack(options.stateStore(), PERSONALIZE);
    }

    private StackEvent deleteOf(String logicalIdPrefix) {
        List<StackEvent> deletes = listener.events().stream().filter(e -> e.logicalId().startsWith(logicalIdPrefix)
                && e.status() == ResourceStatus.DELETE_COMPLETE).toList();
        assertThat(deletes).hasSize(1);
        return deletes.get(0);
    }

    /** Every status the solution version goes through, until Personalize no longer knows it. */
    private void watchUntilGone(String solutionVersionArn, Set<String> statuses) {
        try {
            while (true) {
                statuses.add(engine.personalize.describeSolutionVersion(r -> r.solutionVersionArn(solutionVersionArn))
                        .solutionVersion().status());
                Thread.sleep(10);
            }
        } catch (ResourceNotFoundException gone) {
            // deleted with its solution
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitActive(String filterArn) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!engine.personalize.describeFilter(r -> r.filterArn(filterArn)).filter().status().equals("ACTIVE")) {
            assertThat(System.nanoTime()).as("filter ACTIVE within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
