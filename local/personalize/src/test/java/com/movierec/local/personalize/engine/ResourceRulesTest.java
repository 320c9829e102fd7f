package com.movierec.local.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personalize's rules between resources: what needs what, what may be deleted when, what must be unique. */
class ResourceRulesTest {
    @TempDir
    Path s3;

    private DeployedEngine deployed;
    private PersonalizeEngine engine;

    @BeforeEach
    void deploy() throws IOException {
        deployed = DeployedEngine.deploy(s3, "aws-popularity-count");
        engine = deployed.engine;
    }

    @AfterEach
    void close() {
        deployed.close();
    }

    @Test
    void aSolutionServedByACampaignCannotBeDeletedUntilTheCampaignIsGone() {
        String campaign = deployed.campaigns.get("aws-popularity-count");
        String solution = engine.campaigns().describe(campaign).settings().version().solution().arn();
        assertThatThrownBy(() -> engine.solutions().delete(solution)).satisfies(is(ErrorType.RESOURCE_IN_USE))
                .hasMessageContaining(campaign);

        engine.delays(Delays.uniform(Duration.ofMillis(200)));
        engine.campaigns().delete(campaign);
        assertThatThrownBy(() -> engine.campaigns().delete(campaign)).as("while it goes")
                .satisfies(is(ErrorType.RESOURCE_IN_USE));
        assertThatThrownBy(() -> engine.solutions().delete(solution)).satisfies(is(ErrorType.RESOURCE_IN_USE));
        awaitGone(() -> engine.campaigns().describe(campaign));
        engine.solutions().delete(solution);
        awaitGone(() -> engine.solutions().describe(solution));
    }

    @Test
    void aDatasetCannotBeDeletedWhileAnImportIntoItRuns() {
        engine.delays(Delays.uniform(Duration.ofSeconds(30)));
        engine.importJobs().create("again", deployed.interactions, "s3://data/interactions.csv", DeployedEngine.ROLE,
                "FULL", false);
        assertThatThrownBy(() -> engine.datasets().delete(deployed.interactions)).satisfies(is(ErrorType.RESOURCE_IN_USE))
                .hasMessageContaining("dataset-import-job/again");
        assertThatThrownBy(() -> engine.importJobs().create("third", deployed.interactions,
                "s3://data/interactions.csv", DeployedEngine.ROLE, "FULL", false))
                .satisfies(is(ErrorType.RESOURCE_IN_USE)).hasMessageContaining("already has an import job");
    }

    @Test
    void aCampaignNeedsAnActiveVersionAndTrainingNeedsInteractions() {
        String solution = DeployedEngine.active(engine.solutions().create(new Solutions.CreateRequest("sims",
                deployed.group, "arn:aws:personalize:::recipe/aws-sims", null, null, false, null, null, null)));
        engine.delays(Delays.uniform(Duration.ofSeconds(30)));
        String training = engine.solutionVersions().create(solution, null, null).arn();
        assertThatThrownBy(() -> engine.campaigns().create("early", training, null, null))
                .satisfies(is(ErrorType.RESOURCE_IN_USE)).hasMessageContaining("CREATE PENDING");
        assertThatThrownBy(() -> engine.solutionVersions().metrics(training)).satisfies(is(ErrorType.RESOURCE_IN_USE));
        engine.delays(Delays.NONE);

        String empty = DeployedEngine.active(engine.datasetGroups().create("empty", null, null, null));
        String emptySolution = DeployedEngine.active(engine.solutions().create(new Solutions.CreateRequest("lonely",
                empty, "arn:aws:personalize:::recipe/aws-sims", null, null, false, null, null, null)));
        assertThatThrownBy(() -> engine.solutionVersions().create(emptySolution, null, null))
                .satisfies(is(ErrorType.INVALID_INPUT)).hasMessageContaining("no Interactions dataset");
    }

    @Test
    void namesAreUniquePerTypeAndAGroupHoldsOneDatasetPerType() {
        String schema = engine.datasets().describe(deployed.interactions).schemaArn();
        assertThatThrownBy(() -> engine.datasets().create("second", deployed.group, "INTERACTIONS", schema))
                .satisfies(is(ErrorType.RESOURCE_ALREADY_EXISTS)).hasMessageContaining("/INTERACTIONS");
        DeployedEngine.active(engine.eventTrackers().create("tracker", deployed.group));
        String other = DeployedEngine.active(engine.datasetGroups().create("other", null, null, null));
        assertThatThrownBy(() -> engine.eventTrackers().create("tracker", other))
                .satisfies(is(ErrorType.RESOURCE_ALREADY_EXISTS));
        assertThatThrownBy(() -> engine.datasetGroups().create("group", null, null, null))
                .satisfies(is(ErrorType.RESOURCE_ALREADY_EXISTS));
    }

    @Test
    void aSchemaAndItsDatasetGroupMustShareADomain() {
        String vod = engine.schemas().create("vod-items",
                PersonalizeSchemas.load(DatasetType.ITEMS, Domain.VIDEO_ON_DEMAND).json(), "VIDEO_ON_DEMAND").arn();
        String custom = DeployedEngine.active(engine.datasetGroups().create("custom", null, null, null));
        assertThatThrownBy(() -> engine.datasets().create("items", custom, "Items", vod))
                .satisfies(is(ErrorType.INVALID_INPUT)).hasMessageContaining("VIDEO_ON_DEMAND");
        assertThatThrownBy(() -> engine.datasetGroups().create("keyed", null,
                "arn:aws:kms:us-east-1:000000000000:key/abc", null))
                .satisfies(is(ErrorType.INVALID_INPUT)).hasMessageContaining("roleArn is required");
    }

    @Test
    void resetForgetsEverythingAndLateTransitionsDoNothing() throws InterruptedException {
        engine.delays(Delays.uniform(Duration.ofMillis(50)));
        engine.datasetGroups().create("late", null, null, null);
        engine.faults().throttleNext(3);
        engine.reset();
        Thread.sleep(200);
        assertThat(engine.resources()).isEmpty();
        assertThat(engine.faults().takeThrottle()).isFalse();
    }

    private static void awaitGone(Runnable describe) {
        LocalPersonalize.await(() -> {
            try {
                describe.run();
                return false;
            } catch (PersonalizeException e) {
                return e.type() == ErrorType.RESOURCE_NOT_FOUND;
            }
        }, Boolean::booleanValue, "deletion");
    }

    private static Consumer<Throwable> is(ErrorType type) {
        return e -> assertThat(e).isInstanceOfSatisfying(PersonalizeException.class,
                p -> assertThat(p.type()).isEqualTo(type));
    }
}
