package com.movierec.infra.personalize.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.QualityGateSettings.SlotGate;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.provider.JobWatch;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.infra.personalize.provider.LifecycleProviderProps;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;

/** The Personalize constructs refuse props Personalize would reject, naming the value and the fix. */
class ResourcePropsTest {
    @TempDir
    static Path tmp;
    private static Stack stack;
    private static LifecycleProvider lifecycle;
    private static Role role;
    private static DatasetGroup group;
    private static PersonalizeSchemaResource itemsSchema;
    private static Solution solution;

    @BeforeAll
    static void createScope() {
        Scope scope = Scope.create(tmp.resolve("props"));
        stack = scope.stack();
        role = scope.role();
        lifecycle = scope.lifecycle();
        group = scope.group();
        solution = scope.solution();
        itemsSchema = new PersonalizeSchemaResource(stack, "ItemsSchema", new PersonalizeSchemaResource.Props(
                lifecycle, "movierec-dev-items-schema", PersonalizeSchemas.load(DatasetType.ITEMS)));
    }

    /** A stack with a lifecycle provider, a dataset group and a popularity solution, in an app of its own. */
    private record Scope(Stack stack, Role role, LifecycleProvider lifecycle, DatasetGroup group, Solution solution) {
        static Scope create(Path dir) {
            Stack stack = new Stack(Fixtures.app(dir.resolve("cdk.out")), "Props");
            Role role = Role.Builder.create(stack, "Role")
                    .assumedBy(new ServicePrincipal("personalize.amazonaws.com")).build();
            LifecycleProvider lifecycle = new LifecycleProvider(stack, "Lifecycle", new LifecycleProviderProps(
                    Fixtures.lifecycleJar(dir.resolve("jar")), PersonalizeArns.of(stack, new PersonalizeNames("dev")),
                    role, Duration.ofHours(1), 60, Map.of()));
            DatasetGroup group = new DatasetGroup(stack, "Group", new DatasetGroup.Props(lifecycle,
                    "movierec-dev-dataset-group", new Key(stack, "Key"), role));
            Solution solution = new Solution(stack, "Solution", new Solution.Props(lifecycle,
                    "movierec-dev-popularity", group, "arn:aws:personalize:::recipe/aws-popularity-count", false,
                    false, Optional.empty()));
            return new Scope(stack, role, lifecycle, group, solution);
        }

        TrainedSolutionVersion version(String id) {
            return new TrainedSolutionVersion(stack, id, versionProps(lifecycle, solution));
        }
    }

    /** A FULL training of {@code solution} on data version 0123456789ab, without a quality gate. */
    private static TrainedSolutionVersion.Props versionProps(LifecycleProvider lifecycle, Solution solution) {
        return new TrainedSolutionVersion.Props(lifecycle, solution, "0123456789ab", "FULL", lifecycle.watch(),
                Optional.empty(), null);
    }

    @Test
    void aSolutionMustStateWhetherItTrainsAutomatically() {
        assertThatThrownBy(() -> new Solution.Props(lifecycle, "movierec-dev-x", group,
                "arn:aws:personalize:::recipe/aws-sims", false, null, Optional.empty()))
                .hasMessage("performAutoTraining (Personalize's default is on, which bills every scheduled training) "
                        + "is missing: pass it in the props");
    }

    @Test
    void autoTrainingNeedsASchedule() {
        assertThatThrownBy(() -> new Solution.Props(lifecycle, "movierec-dev-x", group,
                "arn:aws:personalize:::recipe/aws-sims", false, true, Optional.empty()))
                .hasMessage("solution movierec-dev-x trains automatically but has no schedule: set "
                        + "autoTrainingSchedule, e.g. rate(7 days)");
    }

    @Test
    void aScheduleWithoutAutoTrainingIsRefused() {
        assertThatThrownBy(() -> new Solution.Props(lifecycle, "movierec-dev-x", group,
                "arn:aws:personalize:::recipe/aws-sims", false, false, Optional.of("rate(7 days)")))
                .hasMessageContaining("has the schedule \"rate(7 days)\" but no auto-training");
    }

    @Test
    void aNameLongerThanPersonalizeAllowsIsRefused() {
        String name = "movierec-dev-" + "x".repeat(51);

        assertThatThrownBy(() -> new EventTracker(stack, "LongTracker", new EventTracker.Props(lifecycle, name, group)))
                .hasMessage("event tracker name \"" + name + "\" is not a valid Personalize name: use at most 63 "
                        + "letters, digits, '-' or '_' starting with a letter or digit, as PersonalizeNames derives");
    }

    @Test
    void aCampaignNeedsAtLeastOneTransactionPerSecond() {
        assertThatThrownBy(() -> new Campaign.Props(lifecycle, "movierec-dev-c", version(), 0, Optional.empty()))
                .hasMessage("campaign movierec-dev-c has minProvisionedTps 0: Personalize needs 1 or more");
    }

    @Test
    void withAutoTrainingACampaignFollowsItsSolutionsLatestVersionElseItServesTheTrainedOne() {
        Scope scope = Scope.create(tmp.resolve("sync"));
        Campaign syncedCampaign = new Campaign(scope.stack(), "SyncedCampaign", new Campaign.Props(scope.lifecycle(),
                "movierec-dev-synced", scope.version("Synced"), 1, Optional.of(scope.solution())));
        Campaign fixedCampaign = new Campaign(scope.stack(), "FixedCampaign", new Campaign.Props(scope.lifecycle(),
                "movierec-dev-fixed", scope.version("Fixed"), 1, Optional.empty()));
        TemplateJson template = TemplateJson.of(Template.fromStack(scope.stack()));
        JsonNode synced = template.resource(logicalId(syncedCampaign)).path("Properties");
        JsonNode fixed = template.resource(logicalId(fixedCampaign)).path("Properties");

        assertThat(TemplateJson.text(synced.path("SolutionVersionArn")))
                .isEqualTo("${" + logicalId(scope.solution()) + ".Arn}/$LATEST");
        assertThat(synced.path("CampaignConfig").asText()).isEqualTo("{\"syncWithLatestSolutionVersion\": true}");
        assertThat(TemplateJson.text(fixed.path("SolutionVersionArn"))).doesNotContain("$LATEST")
                .matches("\\$\\{FixedVersion\\w+\\.Arn}");
        assertThat(fixed.has("CampaignConfig")).isFalse();
    }

    @Test
    void aFilterExpressionMustIncludeOrExclude() {
        assertThatThrownBy(() -> new Filter.Props(lifecycle, "movierec-dev-f", group,
                "ItemID WHERE Items.GENRES IN ($GENRE)"))
                .hasMessageContaining("write INCLUDE or EXCLUDE ItemID WHERE ...");
    }

    @Test
    void aDatasetNeedsTheSchemaOfItsOwnType() {
        assertThatThrownBy(() -> new Dataset(stack, "Users", new Dataset.Props(lifecycle, "movierec-dev-users", group,
                DatasetType.USERS, itemsSchema)))
                .hasMessage("the Users dataset was given the Items schema: pass the schema of its own type");
    }

    @Test
    void anImportReadsAnS3Uri() {
        Dataset items = new Dataset(stack, "Items", new Dataset.Props(lifecycle, "movierec-dev-items", group,
                DatasetType.ITEMS, itemsSchema));

        assertThatThrownBy(() -> new DatasetImport(stack, "Import", new DatasetImport.Props(lifecycle,
                "movierec-dev-import-items-1", items, "/tmp/items.csv", role, "FULL", lifecycle.watch())))
                .hasMessage("data location \"/tmp/items.csv\" is not an S3 URI: use s3://<bucket>/<key>.csv");
    }

    @Test
    void aSolutionVersionNeedsATrigger() {
        assertThatThrownBy(() -> new TrainedSolutionVersion.Props(lifecycle, solution, " ", "FULL", lifecycle.watch(),
                Optional.empty(), null))
                .hasMessageContaining("trigger is empty: pass the data version");
    }

    @Test
    void aGateWithMaxRegressionNeedsTheCampaignWhoseServedVersionIsTheBaseline() {
        SlotGate gate = new SlotGate(Map.of("precision_at_10", 0.05), Optional.of(0.1));

        assertThatThrownBy(() -> new TrainedSolutionVersion.Props(lifecycle, solution, "0123456789ab", "FULL",
                lifecycle.watch(), Optional.of(gate), null))
                .hasMessage("the quality gate of movierec-dev-popularity has maxRegression but no campaignArn: set the "
                        + "ARN of the campaign that serves the versions, whose current one is the baseline");
    }

    @Test
    void theGateIsPassedAsTheContractsJsonWithMinimumsInTheOrderOfTheMetricsList() {
        SlotGate gate = new SlotGate(Map.of("precision_at_10", 0.05, "coverage", 0.2,
                "normalized_discounted_cumulative_gain_at_10", 0.08), Optional.of(0.05));

        assertThat(TrainedSolutionVersion.qualityGateJson(gate)).isEqualTo("{\"minimums\": {\"coverage\": 0.2, "
                + "\"normalized_discounted_cumulative_gain_at_10\": 0.08, \"precision_at_10\": 0.05}, "
                + "\"maxRegression\": 0.05}");
        assertThat(TrainedSolutionVersion.qualityGateJson(new SlotGate(Map.of("coverage", 0.0), Optional.empty())))
                .isEqualTo("{\"minimums\": {\"coverage\": 0.0}}");
    }

    @Test
    void aWatchCannotOutlastAWaitCondition() {
        assertThatThrownBy(() -> new JobWatch("arn", 60, Duration.ofHours(13)))
                .hasMessageContaining("at most 12 hours");
    }

    @Test
    void onlyTheContractsResourceTypesAreCreated() {
        assertThatThrownBy(() -> lifecycle.resource(stack, "Other", "Custom::Other", Map.of()))
                .hasMessageContaining("is not one of the lifecycle contract's Custom::Personalize* types");
    }

    @Test
    void theLifecycleJarMustExist() {
        assertThatThrownBy(() -> new LifecycleProviderProps(tmp.resolve("missing.jar"),
                PersonalizeArns.of(stack, new PersonalizeNames("dev")), role, Duration.ofHours(1), 60, Map.of()))
                .hasMessageContaining("missing.jar is not a built lifecycle jar: build it with mvn -pl "
                        + "lambdas/lifecycle -am package");
    }

    private static int versions;

    private static String logicalId(PersonalizeResource resource) {
        return Stack.of(resource).getLogicalId((CfnElement) resource.resource().getNode().getDefaultChild());
    }

    private static TrainedSolutionVersion version() {
        return new TrainedSolutionVersion(stack, "Version" + versions++, versionProps(lifecycle, solution));
    }
}
