package com.movierec.e2e;

import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.e2e.support.FreshEngineTest;
import com.movierec.e2e.support.EngineAdmin.EngineResource;
import com.movierec.lifecycle.core.Retry;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Personalize throttling the control plane, injected through personalize-local's admin API: bursts are retried by
 * the lifecycle handlers on every resource, in deploy and destroy alike; throttling that does not stop exhausts the
 * handler's retries, which fails the resource as the custom resource's Lambda failing would in CloudFormation, and
 * the rollback (once the throttling eases) leaves nothing behind.
 */
class LocalDeployThrottlingTest extends FreshEngineTest {
    /** Fewer than the handlers' attempts per call, so each burst is absorbed by one call's retries. */
    private static final int BURST = 3;
    private static final int NEVER_ENDING = 1_000_000;
    private static final Set<String> NO_DELETE_CALL = Set.of("Custom::PersonalizeDatasetImportJob",
            "Custom::PersonalizeSolutionMetrics");


    @Test
    void aBurstOfThrottlingAtEveryPersonalizeResourceIsRetriedInDeployAndDestroy() {
        List<String> throttled = new ArrayList<>();
        AtomicReference<String> armedFor = new AtomicReference<>();
        DeployListener throttleEachResource = event -> {
            listener.onEvent(event);
            if (startsPersonalizeOperation(event)) {
                noteThrottled(armedFor.getAndSet(event.logicalId() + " " + event.status()), throttled);
                admin.throttleNext(BURST);
            }
        };
        DeployOptions options = engine.options(throttleEachResource);

        deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        assertThat(admin.resources("campaign")).hasSize(4).extracting(EngineResource::status).containsOnly("ACTIVE");
        deployer.destroy(SynthesizedDev.base(), SynthesizedDev.STAGE, options);
        noteThrottled(armedFor.get(), throttled);

        assertThat(admin.resources()).isEmpty();
        // Import jobs and metrics have no delete in Personalize (they go with their dataset and version): no call.
        List<String> callingSteps = listener.events().stream()
                .filter(LocalDeployThrottlingTest::startsPersonalizeOperation)
                .filter(e -> e.status() == ResourceStatus.CREATE_IN_PROGRESS
                        || !NO_DELETE_CALL.contains(e.resourceType()))
                .map(e -> e.logicalId() + " " + e.status()).toList();
        assertThat(callingSteps).hasSizeGreaterThan(40);
        assertThat(throttled).as("each create and delete met throttling").isEqualTo(callingSteps);
    }

    @Test
    void throttlingThatNeverStopsFailsTheResourceOnceItsRetriesAreSpentAndTheRollbackLeavesNothing() {
        AtomicReference<String> throttledResource = new AtomicReference<>();
        DeployListener throttleFromTheFirstCampaign = event -> {
            listener.onEvent(event);
            if (event.resourceType().equals("Custom::PersonalizeCampaign")
                    && event.status() == ResourceStatus.CREATE_IN_PROGRESS
                    && throttledResource.compareAndSet(null, event.logicalId())) {
                admin.throttleNext(NEVER_ENDING);
            }
            if (event.isStackEvent() && event.status() == ResourceStatus.ROLLBACK_IN_PROGRESS) {
                admin.throttleNext(0); // the rate eases off, so the rollback's deletes go through
            }
        };
        DeployOptions options = engine.options(throttleFromTheFirstCampaign);

        assertThatThrownBy(() -> deployer.deploy(SynthesizedDev.base(), SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).isEqualTo(throttledResource.get());
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeCampaign");
                    assertThat(e.getMessage()).contains(e.logicalId(), "was still throttled or unreachable after "
                            + Retry.DEFAULT_MAX_ATTEMPTS + " attempts", "ThrottlingException");
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                    assertThat(e.rollbackProblems()).isEmpty();
                });
        assertThat(listener.reached(PERSONALIZE, ResourceStatus.CREATE_FAILED)).containsExactly(throttledResource.get());
        assertThat(admin.resources()).isEmpty();
    }

    /** Records {@code step} when the burst armed for it was (at least partly) spent on its calls. */
    private void noteThrottled(String step, List<String> throttled) {
        if (step != null && admin.throttlesLeft() < BURST) {
            throttled.add(step);
        }
    }

    /** A create or delete of one of the resources the lifecycle handlers drive in Personalize. */
    private static boolean startsPersonalizeOperation(StackEvent event) {
        return event.resourceType().startsWith("Custom::Personalize")
                && (event.status() == ResourceStatus.CREATE_IN_PROGRESS
                || event.status() == ResourceStatus.DELETE_IN_PROGRESS);
    }
}
