package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.Solution;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/** UpdateCampaign, UpdateSolution and UpdateDataset: the resource keeps its values until the update is ACTIVE. */
class InPlaceUpdatesTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private PersonalizeClient personalize;
    private Provisioner provisioner;
    private String group;
    private String interactions;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        personalize = local.personalize;
        provisioner = new Provisioner(local);
        group = provisioner.datasetGroup("group");
        interactions = provisioner.dataset("interactions", group, DatasetType.INTERACTIONS,
                provisioner.schema("interactions", DatasetType.INTERACTIONS));
        provisioner.importData("all", interactions, local.upload("data", "all.csv",
                MovieData.interactionsCsv(MovieData.USERS)), "FULL");
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aCampaignServesItsVersionUntilTheUpdateToTheNextIsActive() {
        String solution = provisioner.solution("popular", group, "aws-popularity-count");
        String before = provisioner.trainedVersion(solution);
        String campaign = provisioner.campaign("popular", before);
        StringBuilder hit = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (int u = 0; u < MovieData.USERS; u++) {
            hit.append(MovieData.user(u)).append(",hit,2000000000,Watch,5\n");
        }
        provisioner.importData("hit", interactions, local.upload("data", "hit.csv", hit.toString()), "INCREMENTAL");
        String after = provisioner.trainedVersion(solution);
        local.server.engine().delays(Delays.uniform(Duration.ofMillis(500)));

        personalize.updateCampaign(r -> r.campaignArn(campaign).solutionVersionArn(after));
        Campaign updating = personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign();
        assertThat(updating.solutionVersionArn()).isEqualTo(before);
        assertThat(updating.status()).isEqualTo("ACTIVE");
        assertThat(updating.latestCampaignUpdate().solutionVersionArn()).isEqualTo(after);
        assertThat(top(campaign)).isNotEqualTo("hit");
        assertThatThrownBy(() -> personalize.updateCampaign(r -> r.campaignArn(campaign).minProvisionedTPS(2)))
                .as("one update at a time").isInstanceOf(ResourceInUseException.class);

        LocalPersonalize.settled(() -> personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign()
                .latestCampaignUpdate().status(), "the campaign update");
        assertThat(personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign().solutionVersionArn())
                .isEqualTo(after);
        assertThat(top(campaign)).isEqualTo("hit");
    }

    @Test
    void aCampaignMovesOnlyBetweenVersionsOfItsSolution() {
        String first = provisioner.trainedVersion(provisioner.solution("first", group, "aws-popularity-count"));
        String other = provisioner.trainedVersion(provisioner.solution("other", group, "aws-popularity-count"));
        String campaign = provisioner.campaign("campaign", first);
        assertThatThrownBy(() -> personalize.updateCampaign(r -> r.campaignArn(campaign).solutionVersionArn(other)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another solution");
    }

    @Test
    void anUpdateSolutionTurnsOnAutoTrainingWithItsSchedule() {
        String solution = provisioner.solution("solution", group, "aws-user-personalization-v2");
        assertThat(personalize.describeSolution(r -> r.solutionArn(solution)).solution().performAutoTraining()).isFalse();

        personalize.updateSolution(r -> r.solutionArn(solution).performAutoTraining(true)
                .solutionUpdateConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("rate(3 days)"))));
        LocalPersonalize.settled(() -> personalize.describeSolution(r -> r.solutionArn(solution)).solution()
                .latestSolutionUpdate().status(), "the solution update");

        Solution updated = personalize.describeSolution(r -> r.solutionArn(solution)).solution();
        assertThat(updated.performAutoTraining()).isTrue();
        assertThat(updated.solutionConfig().autoTrainingConfig().schedulingExpression()).isEqualTo("rate(3 days)");
        assertThat(updated.latestSolutionUpdate().solutionUpdateConfig().autoTrainingConfig().schedulingExpression())
                .isEqualTo("rate(3 days)");
        assertThatThrownBy(() -> personalize.updateSolution(r -> r.solutionArn(solution).performAutoTraining(true)
                .solutionUpdateConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("rate(90 days)")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rate(N days)");
    }

    @Test
    void anUpdateDatasetMayOnlyAddFields() {
        String wider = personalize.createSchema(r -> r.name("wider").schema("""
                {"type": "record", "name": "Interactions", "fields": [
                  {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                  {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
                  {"name": "EVENT_VALUE", "type": ["null", "float"]}, {"name": "DEVICE", "type": ["null", "string"],
                  "categorical": true}]}""")).schemaArn();
        String narrower = personalize.createSchema(r -> r.name("narrower").schema("""
                {"type": "record", "name": "Interactions", "fields": [
                  {"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                  {"name": "TIMESTAMP", "type": "long"}]}""")).schemaArn();

        assertThatThrownBy(() -> personalize.updateDataset(r -> r.datasetArn(interactions).schemaArn(narrower)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("EVENT_TYPE");
        personalize.updateDataset(r -> r.datasetArn(interactions).schemaArn(wider));
        LocalPersonalize.settled(() -> personalize.describeDataset(r -> r.datasetArn(interactions)).dataset()
                .latestDatasetUpdate().status(), "the dataset update");
        assertThat(personalize.describeDataset(r -> r.datasetArn(interactions)).dataset().schemaArn()).isEqualTo(wider);

        String withDevice = local.upload("data", "device.csv", MovieData.interactionsCsv(MovieData.USERS)
                .replace("EVENT_VALUE\n", "EVENT_VALUE,DEVICE\n").replaceAll("(,Watch,\\d)\n", "$1,tv|phone\n"));
        assertThat(provisioner.importData("with-device", interactions, withDevice, "FULL"))
                .as("a schema the project does not ship checks imports too").isEqualTo("ACTIVE");
    }

    private String top(String campaign) {
        List<PredictedItem> items = local.runtime.getRecommendations(r -> r.campaignArn(campaign).numResults(1))
                .itemList();
        return items.get(0).itemId();
    }
}
