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
        itemsSchema = new PersonalizeSchemaResource(stack, "ItemsSchema", PersonalizeSchemaResource.Props.builder()
                .lifecycle(lifecycle).name("movierec-dev-items-schema")
                .schema(PersonalizeSchemas.load(DatasetType.ITEMS)).build());
    }

    /** A stack with a lifecycle provider, a dataset group and a popularity solution, in an app of its own. */
    private record Scope(Stack stack, Role role, LifecycleProvider lifecycle, DatasetGroup group, Solution solution) {
        static Scope create(Path dir) {
            Stack stack = new Stack(Fixtures.app(dir.resolve("cdk.out")), "Props");
            Role role = Role.Builder.create(stack, "Role")
                    .assumedBy(new ServicePrincipal("personalize.amazonaws.com")).build();
            LifecycleProvider lifecycle = new LifecycleProvider(stack, "Lifecycle", LifecycleProviderProps.builder()
                    .lifecycleJar(Fixtures.lifecycleJar(dir.resolve("jar")))
                    .arns(PersonalizeArns.of(stack, new PersonalizeNames("dev")))
                    .personalizeRole(role)
                    .watchTimeout(Duration.ofHours(1))
                    .pollSeconds(60)
                    .build());
            DatasetGroup group = new DatasetGroup(stack, "Group", DatasetGroup.Props.builder().lifecycle(lifecycle)
                    .name("movierec-dev-dataset-group").key(new Key(stack, "Key")).role(role).build());
            Solution solution = new Solution(stack, "Solution", Solution.Props.builder().lifecycle(lifecycle)
                    .name("movierec-dev-popularity").datasetGroup(group)
                    .recipeArn("arn:aws:personalize:::recipe/aws-popularity-count").performAutoTraining(false)
                    .build());
            return new Scope(stack, role, lifecycle, group, solution);
        }

        TrainedSolutionVersion version(String id) {
            return new TrainedSolutionVersion(stack, id, TrainedSolutionVersion.Props.builder().lifecycle(lifecycle)
                    .solution(solution).trigger("0123456789ab").watch(lifecycle.watch()).build());
        }
    }

    @Test
    void aSolutionMustStateWhetherItTrainsAutomatically() {
        assertThatThrownBy(() -> Solution.Props.builder().lifecycle(lifecycle).name("movierec-dev-x")
                .datasetGroup(group).recipeArn("arn:aws:personalize:::recipe/aws-sims").build())
                .hasMessage("performAutoTraining (Personalize's default is on, which bills every scheduled training) "
                        + "is missing: set it on the props builder");
    }

    @Test
    void autoTrainingNeedsASchedule() {
        assertThatThrownBy(() -> Solution.Props.builder().lifecycle(lifecycle).name("movierec-dev-x")
                .datasetGroup(group).recipeArn("arn:aws:personalize:::recipe/aws-sims").performAutoTraining(true)
                .build())
                .hasMessage("solution movierec-dev-x trains automatically but has no schedule: set "
                        + "autoTrainingSchedule, e.g. rate(7 days)");
    }

    @Test
    void aScheduleWithoutAutoTrainingIsRefused() {
        assertThatThrownBy(() -> Solution.Props.builder().lifecycle(lifecycle).name("movierec-dev-x")
                .datasetGroup(group).recipeArn("arn:aws:personalize:::recipe/aws-sims").performAutoTraining(false)
                .autoTrainingSchedule("rate(7 days)").build())
                .hasMessageContaining("has the schedule \"rate(7 days)\" but no auto-training");
    }

    @Test
    void aNameLongerThanPersonalizeAllowsIsRefused() {
        String name = "movierec-dev-" + "x".repeat(51);

        assertThatThrownBy(() -> new EventTracker(stack, "LongTracker", EventTracker.Props.builder()
                .lifecycle(lifecycle).name(name).datasetGroup(group).build()))
                .hasMessage("event tracker name \"" + name + "\" is not a valid Personalize name: use at most 63 "
                        + "letters, digits, '-' or '_' starting with a letter or digit, as PersonalizeNames derives");
    }

    @Test
    void aCampaignNeedsAtLeastOneTransactionPerSecond() {
        assertThatThrownBy(() -> Campaign.Props.builder().lifecycle(lifecycle).name("movierec-dev-c")
                .solutionVersion(version()).minProvisionedTps(0).build())
                .hasMessage("campaign movierec-dev-c has minProvisionedTps 0: Personalize needs 1 or more");
    }

    @Test
    void withAutoTrainingACampaignFollowsItsSolutionsLatestVersionElseItServesTheTrainedOne() {
        Scope scope = Scope.create(tmp.resolve("sync"));
        Campaign syncedCampaign = new Campaign(scope.stack(), "SyncedCampaign", Campaign.Props.builder()
                .lifecycle(scope.lifecycle()).name("movierec-dev-synced").solutionVersion(scope.version("Synced"))
                .syncWithLatestVersionOf(scope.solution()).build());
        Campaign fixedCampaign = new Campaign(scope.stack(), "FixedCampaign", Campaign.Props.builder()
                .lifecycle(scope.lifecycle()).name("movierec-dev-fixed").solutionVersion(scope.version("Fixed"))
                .build());
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
        assertThatThrownBy(() -> Filter.Props.builder().lifecycle(lifecycle).name("movierec-dev-f")
                .datasetGroup(group).expression("ItemID WHERE Items.GENRES IN ($GENRE)").build())
                .hasMessageContaining("write INCLUDE or EXCLUDE ItemID WHERE ...");
    }

    @Test
    void aDatasetNeedsTheSchemaOfItsOwnType() {
        assertThatThrownBy(() -> new Dataset(stack, "Users", Dataset.Props.builder().lifecycle(lifecycle)
                .name("movierec-dev-users").datasetGroup(group).type(DatasetType.USERS).schema(itemsSchema).build()))
                .hasMessage("the Users dataset was given the Items schema: pass the schema of its own type");
    }

    @Test
    void anImportReadsAnS3Uri() {
        Dataset items = new Dataset(stack, "Items", Dataset.Props.builder().lifecycle(lifecycle)
                .name("movierec-dev-items").datasetGroup(group).type(DatasetType.ITEMS).schema(itemsSchema).build());

        assertThatThrownBy(() -> new DatasetImport(stack, "Import", DatasetImport.Props.builder().lifecycle(lifecycle)
                .jobName("movierec-dev-import-items-1").dataset(items).dataLocation("/tmp/items.csv").role(role)
                .watch(lifecycle.watch()).build()))
                .hasMessage("data location \"/tmp/items.csv\" is not an S3 URI: use s3://<bucket>/<key>.csv");
    }

    @Test
    void aSolutionVersionNeedsATrigger() {
        assertThatThrownBy(() -> TrainedSolutionVersion.Props.builder().lifecycle(lifecycle).solution(solution)
                .trigger(" ").watch(lifecycle.watch()).build())
                .hasMessageContaining("trigger is empty: pass the data version");
    }

    @Test
    void aGateWithMaxRegressionNeedsTheCampaignWhoseServedVersionIsTheBaseline() {
        SlotGate gate = new SlotGate(Map.of("precision_at_10", 0.05), Optional.of(0.1));

        assertThatThrownBy(() -> TrainedSolutionVersion.Props.builder().lifecycle(lifecycle).solution(solution)
                .trigger("0123456789ab").watch(lifecycle.watch()).gate(gate).build())
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
        assertThatThrownBy(() -> lifecycle.resource(stack, "Other", "Custom::Other", java.util.Map.of()))
                .hasMessageContaining("is not one of the lifecycle contract's Custom::Personalize* types");
    }

    @Test
    void theLifecycleJarMustExist() {
        assertThatThrownBy(() -> LifecycleProviderProps.builder().lifecycleJar(tmp.resolve("missing.jar"))
                .arns(PersonalizeArns.of(stack, new PersonalizeNames("dev"))).personalizeRole(role)
                .watchTimeout(Duration.ofHours(1)).pollSeconds(60).build())
                .hasMessageContaining("missing.jar is not a built lifecycle jar: build it with mvn -pl "
                        + "lambdas/lifecycle -am package");
    }

    private static int versions;

    private static String logicalId(PersonalizeResource resource) {
        return Stack.of(resource).getLogicalId((CfnElement) resource.resource().getNode().getDefaultChild());
    }

    private static TrainedSolutionVersion version() {
        return new TrainedSolutionVersion(stack, "Version" + versions++, TrainedSolutionVersion.Props.builder()
                .lifecycle(lifecycle).solution(solution).trigger("0123456789ab").watch(lifecycle.watch()).build());
    }
}
