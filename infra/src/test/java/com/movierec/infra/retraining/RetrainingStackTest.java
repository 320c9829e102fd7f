package com.movierec.infra.retraining;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.Fixtures;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.MovieRecConfigParser;
import com.movierec.infra.config.QualityGateSettings;
import com.movierec.infra.config.QualityGateSettings.SlotGate;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.config.RetrainingSettings;
import com.movierec.infra.data.DataStack;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * The retraining stack beside a real Data stack and campaign ARNs built from names, as the Personalize stack's
 * ServingResources holds them, checked by cdk-nag as the stage checks it: synthesized once on demand (user
 * personalization gated with maxRegression, popularity ungated) and once on a schedule (one ungated slot, so no gate
 * Lambda at all).
 */
class RetrainingStackTest {
    private static final String PREFIX = "movierec-dev-";
    private static final String PARTITION = "arn:${AWS::Partition}";
    private static final String PERSONALIZE = PARTITION + ":personalize:eu-west-1:" + Fixtures.ACCOUNT + ":";
    private static final String UP_CAMPAIGN = PERSONALIZE + "campaign/" + PREFIX + "user-personalization-5e6f7a8b";
    private static final String POPULAR_CAMPAIGN = PERSONALIZE + "campaign/" + PREFIX + "popularity-9a8b7c6d";
    private static final String UP_SOLUTIONS = PERSONALIZE + "solution/" + PREFIX + "user-personalization-*";
    private static final String POPULAR_SOLUTIONS = PERSONALIZE + "solution/" + PREFIX + "popularity-*";
    private static final String IMPORT_JOBS = PERSONALIZE + "dataset-import-job/" + PREFIX + "retrain-*";
    private static final String DATASET = PERSONALIZE + "dataset/" + PREFIX + "dataset-group/INTERACTIONS";
    private static final String PERSONALIZE_ROLE = PARTITION + ":iam::" + Fixtures.ACCOUNT + ":role/" + PREFIX
            + "personalize-eu-west-1";
    private static final String BUCKET_NAME = "\\$\\{import:movierec-dev-data:ExportsOutputRefDataBucketData\\w+}";
    private static final String NDCG = "normalized_discounted_cumulative_gain_at_10";
    private static final String SCHEDULE = "rate(7 days)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Synth onDemand;
    private static Synth scheduled;

    @BeforeAll
    static void synthesize() {
        QualityGateSettings gates = new QualityGateSettings(Map.of(RecipeSlot.USER_PERSONALIZATION,
                new SlotGate(Map.of(NDCG, 0.05, "precision_at_10", 0.02), Optional.of(0.1))));
        onDemand = Synth.of(tmp.resolve("on-demand"), campaigns(RecipeSlot.USER_PERSONALIZATION, RecipeSlot.POPULARITY),
                gates, RetrainingSettings.none(), stack -> { });
        scheduled = Synth.of(tmp.resolve("scheduled"), campaigns(RecipeSlot.POPULARITY), QualityGateSettings.none(),
                new RetrainingSettings(Optional.of(SCHEDULE)), stack -> { });
    }

    @Test
    void itImportsTheInteractionsAgainInFullModeFromTheDeploysLocationAndWaitsForTheJob() {
        JsonNode states = onDemand.definition().path("States");
        JsonNode start = states.path("ImportInteractions");
        JsonNode job = start.path("Parameters");
        JsonNode done = states.path("ImportDone");

        assertThat(onDemand.definition().path("StartAt").asText()).isEqualTo("NameImportJob");
        assertThat(states.path("NameImportJob").path("Parameters").path("ImportJobName.$").asText())
                .isEqualTo("States.Format('" + PREFIX + "retrain-{}', States.Hash($$.Execution.Id, 'MD5'))");
        assertThat(states.path("NameImportJob").path("Next").asText()).isEqualTo("ImportInteractions");
        assertThat(start.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:createDatasetImportJob");
        assertThat(job.path("ImportMode").asText()).as("FULL keeps the PutEvents records").isEqualTo("FULL");
        assertThat(job.path("DatasetArn").asText()).isEqualTo(DATASET);
        assertThat(job.path("DataSource").path("DataLocation").asText())
                .matches("s3://" + BUCKET_NAME + "/datasets/ml-100k/" + onDemand.dataVersion() + "/interactions\\.csv");
        assertThat(job.path("RoleArn").asText()).isEqualTo(PERSONALIZE_ROLE);
        assertThat(job.path("JobName.$").asText()).isEqualTo("$.ImportJobName");
        assertThat(start.path("Next").asText()).isEqualTo("WaitForImport");
        assertThat(states.path("WaitForImport").path("Seconds").asInt()).isEqualTo(300);
        assertThat(states.path("WaitForImport").path("Next").asText()).isEqualTo("DescribeImport");
        assertThat(states.path("DescribeImport").path("Parameters").path("DatasetImportJobArn.$").asText())
                .isEqualTo("$.Import.DatasetImportJobArn");
        assertThat(states.path("DescribeImport").path("Next").asText()).isEqualTo("ImportDone");

        assertThat(choices(done)).containsExactly(
                "$.ImportStatus.DatasetImportJob.Status == ACTIVE -> RetrainSlots",
                "$.ImportStatus.DatasetImportJob.Status == CREATE FAILED -> ImportFailed");
        assertThat(done.path("Default").asText()).isEqualTo("WaitForImport");
        assertThat(states.path("ImportFailed").path("Error").asText()).isEqualTo("DatasetImportJobFailed");
        assertThat(states.path("ImportFailed").path("CausePath").asText())
                .isEqualTo("$.ImportStatus.DatasetImportJob.FailureReason");
    }

    @Test
    void eachSlotTrainsAFullVersionOfTheSolutionItsCampaignServesAndWaitsForIt() {
        JsonNode slot = slotStates(onDemand, 1, "Popularity");

        assertThat(slot.path("PopularityFindServedVersion").path("Parameters").path("CampaignArn").asText())
                .isEqualTo(POPULAR_CAMPAIGN);
        assertThat(slot.path("PopularityFindServedVersion").path("Next").asText()).isEqualTo("PopularityFindSolution");
        assertThat(slot.path("PopularityFindSolution").path("ResultSelector").path("SolutionArn.$").asText())
                .isEqualTo("$.SolutionVersion.SolutionArn");
        JsonNode train = slot.path("PopularityCreateSolutionVersion");
        assertThat(train.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:createSolutionVersion");
        assertThat(train.path("Parameters").path("TrainingMode").asText()).isEqualTo("FULL");
        assertThat(train.path("Parameters").path("SolutionArn.$").asText()).isEqualTo("$.Solution.SolutionArn");
        assertThat(train.path("Next").asText()).isEqualTo("PopularityWaitForTraining");
        assertThat(slot.path("PopularityDescribeSolutionVersion").path("Retry").get(0).path("MaxAttempts").asInt())
                .isEqualTo(5);
        assertThat(choices(slot.path("PopularityTrainingDone"))).containsExactly(
                "$.Training.SolutionVersion.Status == ACTIVE -> PopularityUpdateCampaign",
                "$.Training.SolutionVersion.Status == CREATE FAILED -> PopularityTrainingFailed",
                "$.Training.SolutionVersion.Status == CREATE STOPPED -> PopularityTrainingStopped");
        assertThat(slot.path("PopularityTrainingDone").path("Default").asText()).isEqualTo("PopularityWaitForTraining");
        assertThat(slot.has("PopularityCheckQualityGate")).as("an ungated slot is not checked").isFalse();
    }

    @Test
    void aGatedSlotRunsTheDeploysGateAndUpdatesItsCampaignOnlyWhenItPasses() {
        JsonNode slot = slotStates(onDemand, 0, "UserPersonalization");
        JsonNode check = slot.path("UserPersonalizationCheckQualityGate");
        JsonNode payload = check.path("Parameters");
        JsonNode update = slot.path("UserPersonalizationUpdateCampaign");

        assertThat(choices(slot.path("UserPersonalizationTrainingDone")).get(0))
                .isEqualTo("$.Training.SolutionVersion.Status == ACTIVE -> UserPersonalizationCheckQualityGate");
        assertThat(text(check.path("Resource"))).isEqualTo("${" + onDemand.gateFunctionId() + ".Arn}");
        assertThat(payload.path("solutionVersionArn.$").asText()).isEqualTo("$.Version.SolutionVersionArn");
        assertThat(payload.path("campaignArn").asText()).isEqualTo(UP_CAMPAIGN);
        assertThat(payload.path("gate")).isEqualTo(JSON.valueToTree(Map.of(
                "minimums", Map.of(NDCG, 0.05, "precision_at_10", 0.02), "maxRegression", 0.1)));
        assertThat(check.path("ResultPath").asText()).isEqualTo("$.Gate");
        assertThat(check.path("Next").asText()).isEqualTo("UserPersonalizationGatePassed");
        assertThat(choices(slot.path("UserPersonalizationGatePassed")))
                .containsExactly("$.Gate.passed == true -> UserPersonalizationUpdateCampaign");
        assertThat(slot.path("UserPersonalizationGatePassed").path("Default").asText())
                .isEqualTo("UserPersonalizationGateFailed");
        assertThat(slot.path("UserPersonalizationGateFailed").path("Type").asText()).isEqualTo("Fail");
        assertThat(slot.path("UserPersonalizationGateFailed").path("Error").asText()).isEqualTo("QualityGateFailed");
        assertThat(slot.path("UserPersonalizationGateFailed").path("CausePath").asText()).isEqualTo("$.Gate.cause");
        assertThat(referencesTo(slot, "UserPersonalizationUpdateCampaign"))
                .as("only the passed gate leads to UpdateCampaign").containsExactly("UserPersonalizationGatePassed");

        assertThat(update.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:updateCampaign");
        assertThat(update.path("Parameters").path("CampaignArn").asText()).isEqualTo(UP_CAMPAIGN);
        assertThat(update.path("Parameters").path("SolutionVersionArn.$").asText())
                .isEqualTo("$.Version.SolutionVersionArn");
        String status = "$.Campaign.Campaign.LatestCampaignUpdate.Status";
        assertThat(choices(slot.path("UserPersonalizationCampaignUpdated"))).containsExactly(
                status + " present & == ACTIVE -> UserPersonalizationUpdated",
                status + " present & == CREATE FAILED -> UserPersonalizationCampaignUpdateFailed");
        assertThat(slot.path("UserPersonalizationCampaignUpdated").path("Default").asText())
                .isEqualTo("UserPersonalizationWaitForCampaign");
        assertThat(slot.path("UserPersonalizationUpdated").path("Parameters").path("Failed").asBoolean()).isFalse();
    }

    @Test
    void aFailedSlotEndsInItsOwnOutcomeAndTheExecutionFailsWhenAnySlotFailed() {
        JsonNode states = onDemand.definition().path("States");
        JsonNode slots = states.path("RetrainSlots");
        JsonNode anyFailed = states.path("AnySlotFailed");

        assertThat(slots.path("Type").asText()).isEqualTo("Parallel");
        assertThat(slots.path("Branches")).hasSize(2);
        assertThat(slots.path("ResultPath").asText()).isEqualTo("$.Slots");
        for (int i = 0; i < 2; i++) {
            String slot = i == 0 ? "UserPersonalization" : "Popularity";
            JsonNode branch = slots.path("Branches").get(i);
            JsonNode work = branch.path("States").path(slot);
            JsonNode failed = branch.path("States").path(slot + "Failed").path("Parameters");
            assertThat(branch.path("StartAt").asText()).isEqualTo(slot);
            assertThat(work.path("Type").asText()).isEqualTo("Parallel");
            assertThat(work.path("OutputPath").asText()).isEqualTo("$[0]");
            assertThat(work.path("Catch")).singleElement().satisfies(c -> {
                assertThat(texts(c.path("ErrorEquals"))).containsExactly("States.ALL");
                assertThat(c.path("ResultPath").asText()).isEqualTo("$.Error");
                assertThat(c.path("Next").asText()).isEqualTo(slot + "Failed");
            });
            assertThat(failed.path("Failed").asBoolean()).isTrue();
            assertThat(failed.path("Error.$").asText()).isEqualTo("$.Error.Error");
            assertThat(failed.path("Cause.$").asText()).isEqualTo("$.Error.Cause");
        }
        JsonNode training = slotStates(onDemand, 0, "UserPersonalization").path("UserPersonalizationTrainingFailed");
        assertThat(training.path("Error").asText()).isEqualTo("TrainingFailed");
        assertThat(training.path("CausePath").asText()).isEqualTo("$.Training.SolutionVersion.FailureReason");
        JsonNode update = slotStates(onDemand, 0, "UserPersonalization")
                .path("UserPersonalizationCampaignUpdateFailed");
        assertThat(update.path("Error").asText()).isEqualTo("CampaignUpdateFailed");

        assertThat(slots.path("Next").asText()).isEqualTo("AnySlotFailed");
        assertThat(texts(anyFailed.path("Choices").get(0).path("Or")))
                .containsExactly("{\"Variable\":\"$.Slots[0].Failed\",\"BooleanEquals\":true}",
                        "{\"Variable\":\"$.Slots[1].Failed\",\"BooleanEquals\":true}");
        assertThat(anyFailed.path("Choices").get(0).path("Next").asText()).isEqualTo("DescribeOutcomes");
        assertThat(anyFailed.path("Default").asText()).isEqualTo("Retrained");
        assertThat(states.path("DescribeOutcomes").path("Parameters").path("Cause.$").asText())
                .isEqualTo("States.JsonToString($.Slots)");
        assertThat(states.path("RetrainingFailed").path("Type").asText()).isEqualTo("Fail");
        assertThat(states.path("RetrainingFailed").path("Error").asText()).isEqualTo("RetrainingFailed");
        assertThat(states.path("RetrainingFailed").path("CausePath").asText()).isEqualTo("$.Cause");
        assertThat(states.path("Retrained").path("Type").asText()).isEqualTo("Succeed");
        assertThat(scheduled.definition().path("States").path("AnySlotFailed").path("Choices").get(0)
                .path("Variable").asText()).as("one slot, one plain condition").isEqualTo("$.Slots[0].Failed");
    }

    @Test
    void executionsAreTracedLoggedAndEndAfterADay() {
        JsonNode machine = onDemand.retraining().resource(onDemand.machineId()).path("Properties");
        String logGroupId = onDemand.retraining().logicalId("AWS::Logs::LogGroup", "vendedlogs");

        assertThat(machine.path("StateMachineName").asText()).isEqualTo(PREFIX + "retraining");
        assertThat(machine.path("TracingConfiguration").path("Enabled").asBoolean()).isTrue();
        assertThat(machine.path("LoggingConfiguration").path("Level").asText()).isEqualTo("ALL");
        assertThat(machine.path("LoggingConfiguration").path("IncludeExecutionData").asBoolean()).isTrue();
        assertThat(text(machine.path("LoggingConfiguration").path("Destinations").get(0)
                .path("CloudWatchLogsLogGroup").path("LogGroupArn"))).isEqualTo("${" + logGroupId + ".Arn}");
        assertThat(onDemand.retraining().resource(logGroupId).path("Properties").path("LogGroupName").asText())
                .isEqualTo("/aws/vendedlogs/states/" + PREFIX + "retraining");
        assertThat(onDemand.definition().path("TimeoutSeconds").asInt()).isEqualTo(24 * 3600);
    }

    @Test
    void theWorkflowMayTouchOnlyItsImportsTheDeployedSlotsAndPassOnlyThePersonalizeRole() {
        List<JsonNode> statements = onDemand.statementsOf(onDemand.machineId());

        assertThat(actionsOn(statements, UP_CAMPAIGN)).containsExactlyInAnyOrder("personalize:DescribeCampaign",
                "personalize:UpdateCampaign");
        assertThat(actionsOn(statements, POPULAR_CAMPAIGN)).containsExactlyInAnyOrder("personalize:DescribeCampaign",
                "personalize:UpdateCampaign");
        for (String solutions : List.of(UP_SOLUTIONS, POPULAR_SOLUTIONS)) {
            assertThat(actionsOn(statements, solutions)).containsExactlyInAnyOrder(
                    "personalize:DescribeSolutionVersion", "personalize:CreateSolutionVersion");
        }
        assertThat(actionsOn(statements, IMPORT_JOBS)).containsExactlyInAnyOrder(
                "personalize:CreateDatasetImportJob", "personalize:DescribeDatasetImportJob");
        assertThat(actionsOn(statements, DATASET)).containsExactly("personalize:CreateDatasetImportJob");
        assertThat(actionsOn(statements, "${" + onDemand.gateFunctionId() + ".Arn}"))
                .containsExactly("lambda:InvokeFunction");
        JsonNode pass = statements.stream().filter(s -> texts(s.path("Action")).contains("iam:PassRole"))
                .findFirst().orElseThrow();
        assertThat(texts(pass.path("Action"))).containsExactly("iam:PassRole");
        assertThat(texts(pass.path("Resource"))).containsExactly(PERSONALIZE_ROLE);
        assertThat(pass.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("personalize.amazonaws.com");
        List<JsonNode> anywhere = statements.stream().filter(s -> texts(s.path("Resource")).contains("*")).toList();
        assertThat(anywhere).singleElement().satisfies(s -> assertThat(texts(s.path("Action")))
                .allMatch(action -> action.startsWith("logs:") || action.startsWith("xray:")));
        assertThat(statements).allSatisfy(s -> assertThat(texts(s.path("Action")))
                .noneMatch(action -> action.endsWith("*")));
    }

    @Test
    void theGateLambdaRunsTheLifecycleHandlerAndMayReadOnlyTheGatedSlot() {
        TemplateJson retraining = onDemand.retraining();
        JsonNode function = retraining.resource(onDemand.gateFunctionId()).path("Properties");
        String roleId = text(function.path("Role")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");
        List<JsonNode> statements = onDemand.statementsOf(roleId);

        assertThat(function.path("Handler").asText())
                .isEqualTo("com.movierec.lifecycle.RetrainingGateHandler::handleRequest");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(texts(function.path("Architectures"))).containsExactly("arm64");
        assertThat(function.path("TracingConfig").path("Mode").asText()).isEqualTo("Active");
        assertThat(function.path("LoggingConfig").path("LogGroup").isMissingNode()).isFalse();
        assertThat(actionsOn(statements, UP_SOLUTIONS)).containsExactly("personalize:GetSolutionMetrics");
        assertThat(actionsOn(statements, UP_CAMPAIGN)).containsExactly("personalize:DescribeCampaign");
        assertThat(statements.toString()).as("the ungated slot is not the gate's business")
                .doesNotContain("popularity");
        assertThat(retraining.resources("AWS::IAM::Role").values()).as("no managed policy on any role").allSatisfy(
                role -> assertThat(role.path("Properties").path("ManagedPolicyArns").isMissingNode()).isTrue());
        assertThat(scheduled.retraining().resources("AWS::Lambda::Function")).as("no gated slot, no gate Lambda")
                .isEmpty();
    }

    @Test
    void withoutAScheduleOnlyAPersonStartsIt() {
        assertThat(onDemand.retraining().resources("AWS::Scheduler::Schedule")).isEmpty();
        assertThat(onDemand.retraining().root().toString()).doesNotContain("scheduler.amazonaws.com");
    }

    @Test
    void aScheduleStartsItThroughARoleThatMayOnlyStartIt() {
        JsonNode schedule = scheduled.retraining().resources("AWS::Scheduler::Schedule").values().iterator().next()
                .path("Properties");
        String roleId = text(schedule.path("Target").path("RoleArn")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");

        assertThat(scheduled.retraining().resources("AWS::Scheduler::Schedule")).hasSize(1);
        assertThat(schedule.path("Name").asText()).isEqualTo(PREFIX + "retraining");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo(SCHEDULE);
        assertThat(text(schedule.path("Target").path("Arn"))).isEqualTo("${" + scheduled.machineId() + "}");
        assertThat(scheduled.statementsOf(roleId)).singleElement().satisfies(statement -> {
            assertThat(texts(statement.path("Action"))).containsExactly("states:StartExecution");
            assertThat(texts(statement.path("Resource"))).containsExactly("${" + scheduled.machineId() + "}");
        });
    }

    @Test
    void theOutputNamesTheStateMachine() {
        assertThat(text(onDemand.retraining().root().path("Outputs").path("StateMachineArn").path("Value")))
                .isEqualTo("${" + onDemand.machineId() + "}");
    }

    @Test
    void cdkNagFindsNothingUnsuppressed() {
        for (Synth synth : List.of(onDemand, scheduled)) {
            Stack stack = synth.stack();
            assertThat(describe(Annotations.fromStack(stack).findError("*", Match.anyValue()))).isEmpty();
            assertThat(describe(Annotations.fromStack(stack).findWarning("*", Match.anyValue()))).isEmpty();
        }
    }

    @Test
    void cdkNagChecksTheRetrainingStack() {
        Synth guard = Synth.of(tmp.resolve("guard"), campaigns(RecipeSlot.POPULARITY), QualityGateSettings.none(),
                RetrainingSettings.none(), stack -> new Bucket(stack, "UnloggedBucket"));

        assertThat(describe(Annotations.fromStack(guard.stack())
                .findError("*", Match.stringLikeRegexp("AwsSolutions-S1: .*"))))
                .singleElement().asString().contains("UnloggedBucket");
    }

    @Test
    void everyEnvironmentWithoutAutoTrainingGetsTheStack() {
        assertThat(RetrainingStack.appliesTo(MovieRecConfigParser.parse(Map.of("environments", Map.of("dev",
                Map.of()))).environment("dev").orElseThrow())).isTrue();
        assertThat(RetrainingStack.appliesTo(MovieRecConfigParser.parse(Map.of("environments", Map.of("dev",
                Map.of("training", Map.of("autoTraining", true))))).environment("dev").orElseThrow())).isFalse();
    }

    @Test
    void propsRefuseAnotherEnvironmentsCampaignNoCampaignAndAGateWithoutCampaign() {
        String campaign = "arn:aws:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":campaign/" + PREFIX + "popularity-1";
        QualityGateSettings none = QualityGateSettings.none();

        assertThat(props(Map.of(RecipeSlot.POPULARITY, campaign), none).campaignArns()).hasSize(1);
        assertThatThrownBy(() -> props(Map.of(RecipeSlot.POPULARITY, campaign.replace(PREFIX, "movierec-prod-")), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the popularity campaign \"arn:aws:personalize:eu-west-1:");
        assertThatThrownBy(() -> props(Map.of(), none))
                .hasMessageStartingWith("campaignArns is empty");
        assertThatThrownBy(() -> props(Map.of(RecipeSlot.POPULARITY, campaign), new QualityGateSettings(
                Map.of(RecipeSlot.RANKING, new SlotGate(Map.of(NDCG, 0.1), Optional.empty())))))
                .hasMessage("the quality gate of ranking has no campaign to retrain: gate only deployed slots");
    }

    /** Props beside the on-demand synth's Data stack, with no schedule. */
    private static RetrainingStackProps props(Map<RecipeSlot, String> campaignArns, QualityGateSettings gates) {
        return new RetrainingStackProps("s", new PersonalizeNames("dev"), onDemand.data().store(),
                tmp.resolve("lifecycle.jar"), campaignArns, gates, RetrainingSettings.none());
    }

    /** Campaign ARNs as ServingResources builds them from names. */
    private static Map<RecipeSlot, String> campaigns(RecipeSlot... slots) {
        Map<RecipeSlot, String> campaigns = new EnumMap<>(RecipeSlot.class);
        for (RecipeSlot slot : slots) {
            campaigns.put(slot, slot == RecipeSlot.POPULARITY ? "popularity-9a8b7c6d" : "user-personalization-5e6f7a8b");
        }
        return campaigns;
    }

    /** The states of a slot's inner Parallel branch (branch {@code index} of RetrainSlots). */
    private static JsonNode slotStates(Synth synth, int index, String slot) {
        JsonNode work = synth.definition().path("States").path("RetrainSlots").path("Branches").get(index)
                .path("States").path(slot);
        assertThat(work.path("Branches")).hasSize(1);
        JsonNode branch = work.path("Branches").get(0);
        assertThat(branch.path("StartAt").asText()).isEqualTo(slot + "FindServedVersion");
        return branch.path("States");
    }

    /** A Choice's rules as {@code <variable> [present &] == <value> -> <next>}. */
    private static List<String> choices(JsonNode choice) {
        List<String> rules = new ArrayList<>();
        choice.path("Choices").forEach(rule -> {
            JsonNode test = rule.has("And") ? rule.path("And").get(1) : rule;
            String present = rule.has("And") && rule.path("And").get(0).path("IsPresent").asBoolean() ? " present &"
                    : "";
            String value = test.has("StringEquals") ? test.path("StringEquals").asText()
                    : test.path("BooleanEquals").asText();
            rules.add(test.path("Variable").asText() + present + " == " + value + " -> " + rule.path("Next").asText());
        });
        return rules;
    }

    /** The states whose Next, Choices or Default lead to {@code target}. */
    private static List<String> referencesTo(JsonNode states, String target) {
        List<String> from = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            String json = state.getValue().toString();
            if (json.contains("\"Next\":\"" + target + "\"") || json.contains("\"Default\":\"" + target + "\"")) {
                from.add(state.getKey());
            }
        }
        return from;
    }

    private static List<String> actionsOn(List<JsonNode> statements, String resource) {
        return statements.stream().filter(s -> texts(s.path("Resource")).contains(resource))
                .flatMap(s -> texts(s.path("Action")).stream()).distinct().toList();
    }

    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    private static List<String> describe(List<software.amazon.awscdk.cxapi.SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }

    /** A dev stage with the real Data stack and the retraining stack, checked by cdk-nag like every stage. */
    private record Synth(DataStack data, RetrainingStack stack, String dataVersion, TemplateJson retraining,
                         JsonNode definition) {

        static Synth of(Path dir, Map<RecipeSlot, String> campaignNames, QualityGateSettings gates,
                        RetrainingSettings settings, Consumer<Stack> extra) {
            App app = Fixtures.app(dir.resolve("cdk.out"));
            var prepared = Fixtures.loadedPreparedData(dir.resolve("prepared"), false);
            PersonalizeNames names = new PersonalizeNames("dev");
            DataStack data = Fixtures.devDataStack(app, prepared);
            Stage stage = Stage.of(data);
            PersonalizeArns arns = PersonalizeArns.of(data, names);
            Map<RecipeSlot, String> campaignArns = new EnumMap<>(RecipeSlot.class);
            campaignNames.forEach((slot, name) -> campaignArns.put(slot, arns.resource("campaign", PREFIX + name)));
            RetrainingStack retraining = new RetrainingStack(stage, "Retraining", new RetrainingStackProps(
                    PREFIX + "retraining", names, data.store(), Fixtures.lifecycleJar(dir), campaignArns, gates,
                    settings));
            retraining.addStackDependency(data, "imports read the data bucket");
            extra.accept(retraining);
            Aspects.of(stage).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));

            Template template = Template.fromStack(retraining);
            Capture definition = new Capture();
            template.hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of("DefinitionString", definition));
            try {
                return new Synth(data, retraining, prepared.dataVersion(), TemplateJson.of(template),
                        JSON.readTree(text(JSON.valueToTree(definition.asObject()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String machineId() {
            return retraining.logicalId("AWS::StepFunctions::StateMachine", PREFIX + "retraining");
        }

        String gateFunctionId() {
            return retraining.logicalId("AWS::Lambda::Function", "RetrainingGateHandler");
        }

        /** The statements of the AWS::IAM::Policy resources attached to a role of this template. */
        List<JsonNode> statementsOf(String roleOrResourceId) {
            String roleId = roleOrResourceId.equals(machineId())
                    ? text(retraining.resource(machineId()).path("Properties").path("RoleArn"))
                    .replaceAll("^\\$\\{(.+)\\.Arn}$", "$1")
                    : roleOrResourceId;
            List<JsonNode> statements = new ArrayList<>();
            retraining.resources("AWS::IAM::Policy").values().stream()
                    .filter(policy -> texts(policy.path("Properties").path("Roles")).contains("${" + roleId + "}"))
                    .forEach(policy -> policy.path("Properties").path("PolicyDocument").path("Statement")
                            .forEach(statements::add));
            return statements;
        }
    }
}
