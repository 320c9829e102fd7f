package com.movierec.infra.batch;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.Fixtures;
import com.movierec.infra.TemplateJson;
import com.movierec.infra.config.BatchRecommendationSettings;
import com.movierec.infra.data.DataStack;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
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
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * The batch recommendations stack beside a real Data stack and stand-in Personalize ARNs, checked by cdk-nag as the
 * stage checks it: synthesized once on demand (unwatched filter, 40 per user) and once on a schedule (no filter, the
 * default 25).
 */
class BatchRecommendationsStackTest {
    private static final String PREFIX = "movierec-dev-";
    private static final String PARTITION = "arn:${AWS::Partition}";
    private static final String PERSONALIZE = PARTITION + ":personalize:eu-west-1:" + Fixtures.ACCOUNT + ":";
    private static final String CAMPAIGN = PREFIX + "user-personalization-1a2b3c4d";
    private static final String FILTER = PREFIX + "unwatched-5e6f7a8b";
    private static final String PERSONALIZE_ROLE = PARTITION + ":iam::" + Fixtures.ACCOUNT + ":role/" + PREFIX
            + "personalize-eu-west-1";
    private static final String UPLOAD_ROLE = PREFIX + "batch-upload-eu-west-1";
    private static final String BUCKET_NAME = "\\$\\{import:movierec-dev-data:ExportsOutputRefDataBucketData\\w+}";
    private static final String BUCKET_ARN =
            "\\$\\{import:movierec-dev-data:ExportsOutputFnGetAttDataBucketData\\w+Arn\\w+}";
    private static final String KEY_ARN = "\\$\\{import:movierec-dev-data:ExportsOutputFnGetAttDataKey\\w+Arn\\w+}";
    private static final String SCHEDULE = "cron(0 6 ? * MON *)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Synth onDemand;
    private static Synth scheduled;

    @BeforeAll
    static void synthesize() {
        onDemand = Synth.of(tmp.resolve("on-demand"), new BatchRecommendationSettings(Optional.empty(), 40), true);
        scheduled = Synth.of(tmp.resolve("scheduled"), new BatchRecommendationSettings(Optional.of(SCHEDULE), 25),
                false);
    }

    @Test
    void eachRunStartsAJobOnTheVersionTheCampaignServesWithTheConfiguredSize() {
        JsonNode states = onDemand.definition().path("States");
        JsonNode served = states.path("FindServedVersion");
        JsonNode create = states.path("CreateBatchInferenceJob");
        JsonNode job = create.path("Parameters");

        assertThat(served.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:describeCampaign");
        assertThat(served.path("Parameters").path("CampaignArn").asText())
                .isEqualTo(PERSONALIZE + "campaign/" + CAMPAIGN);
        assertThat(served.path("ResultSelector").path("SolutionVersionArn.$").asText())
                .isEqualTo("$.Campaign.SolutionVersionArn");
        assertThat(served.path("ResultPath").asText()).isEqualTo("$.Served");
        assertThat(served.path("Next").asText()).isEqualTo("CreateBatchInferenceJob");
        assertThat(create.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:createBatchInferenceJob");
        assertThat(job.path("SolutionVersionArn.$").asText()).isEqualTo("$.Served.SolutionVersionArn");
        assertThat(job.path("NumResults").asInt()).isEqualTo(40);
        assertThat(job.path("FilterArn").asText()).isEqualTo(PERSONALIZE + "filter/" + FILTER);
        assertThat(job.path("RoleArn").asText()).isEqualTo(PERSONALIZE_ROLE);
        assertThat(job.path("JobName.$").asText()).isEqualTo("$.Batch.JobName");
        assertThat(job.path("JobInput").path("S3DataSource").path("Path").asText())
                .matches("s3://" + BUCKET_NAME + "/batch/input/users\\.json");
        assertThat(job.path("JobInput").path("S3DataSource").path("KmsKeyArn").asText()).matches(KEY_ARN);
        assertThat(job.path("JobOutput").path("S3DataDestination").path("Path.$").asText())
                .isEqualTo("$.Batch.OutputPath");
        assertThat(job.path("JobOutput").path("S3DataDestination").path("KmsKeyArn").asText()).matches(KEY_ARN);
        assertThat(create.path("ResultSelector").path("BatchInferenceJobArn.$").asText())
                .isEqualTo("$.BatchInferenceJobArn");
        assertThat(create.path("ResultPath").asText()).isEqualTo("$.Job");

        JsonNode scheduledJob = scheduled.definition().path("States").path("CreateBatchInferenceJob")
                .path("Parameters");
        assertThat(scheduledJob.path("NumResults").asInt()).isEqualTo(25);
        assertThat(scheduledJob.has("FilterArn")).as("no filter configured, no FilterArn").isFalse();
    }

    @Test
    void theJobIsNamedPerExecutionAndWritesUnderTheExecutionsName() {
        JsonNode definition = onDemand.definition();
        JsonNode batch = definition.path("States").path("NameJob").path("Parameters").path("Batch");

        assertThat(definition.path("StartAt").asText()).isEqualTo("NameJob");
        assertThat(definition.path("States").path("NameJob").path("Next").asText()).isEqualTo("FindServedVersion");
        // 28 characters of prefix at most (a 12-letter environment) and 32 of MD5: within Personalize's 63.
        assertThat(batch.path("JobName.$").asText())
                .isEqualTo("States.Format('" + PREFIX + "batch-{}', States.Hash($$.Execution.Id, 'MD5'))");
        assertThat(batch.path("OutputPath.$").asText())
                .matches("States\\.Format\\('s3://" + BUCKET_NAME
                        + "/batch/output/\\{}/', \\$\\$\\.Execution\\.Name\\)");
    }

    @Test
    void itChecksTheJobUntilActiveOrCreateFailedAndFailsWithPersonalizesReason() {
        JsonNode definition = onDemand.definition();
        JsonNode states = definition.path("States");
        JsonNode describe = states.path("DescribeBatchInferenceJob");
        JsonNode done = states.path("JobDone");

        assertThat(states.path("CreateBatchInferenceJob").path("Next").asText()).isEqualTo("WaitForJob");
        assertThat(states.path("WaitForJob").path("Seconds").asInt()).isEqualTo(300);
        assertThat(states.path("WaitForJob").path("Next").asText()).isEqualTo("DescribeBatchInferenceJob");
        assertThat(describe.path("Resource").asText())
                .isEqualTo(PARTITION + ":states:::aws-sdk:personalize:describeBatchInferenceJob");
        assertThat(describe.path("Parameters").path("BatchInferenceJobArn.$").asText())
                .isEqualTo("$.Job.BatchInferenceJobArn");
        assertThat(describe.path("ResultPath").asText()).isEqualTo("$.Described");
        assertThat(describe.path("Retry").get(0).path("MaxAttempts").asInt()).isEqualTo(5);
        assertThat(describe.path("Next").asText()).isEqualTo("JobDone");

        assertThat(done.path("Type").asText()).isEqualTo("Choice");
        assertThat(done.path("Choices")).hasSize(2);
        assertThat(done.path("Choices")).allSatisfy(choice -> assertThat(choice.path("Variable").asText())
                .isEqualTo("$.Described.BatchInferenceJob.Status"));
        assertThat(done.path("Choices").get(0).path("StringEquals").asText()).isEqualTo("ACTIVE");
        assertThat(done.path("Choices").get(0).path("Next").asText()).isEqualTo("Report");
        assertThat(done.path("Choices").get(1).path("StringEquals").asText()).isEqualTo("CREATE FAILED");
        assertThat(done.path("Choices").get(1).path("Next").asText()).isEqualTo("JobFailed");
        assertThat(done.path("Default").asText()).as("anything else: wait and check again").isEqualTo("WaitForJob");

        assertThat(states.path("JobFailed").path("Type").asText()).isEqualTo("Fail");
        assertThat(states.path("JobFailed").path("Error").asText()).isEqualTo("BatchInferenceJobFailed");
        assertThat(states.path("JobFailed").path("CausePath").asText())
                .isEqualTo("$.Described.BatchInferenceJob.FailureReason");
        assertThat(states.path("Report").path("Parameters").path("OutputPath.$").asText())
                .isEqualTo("$.Batch.OutputPath");
        assertThat(states.path("Report").path("Next").asText()).isEqualTo("Written");
        assertThat(states.path("Written").path("Type").asText()).isEqualTo("Succeed");
        assertThat(definition.path("TimeoutSeconds").asInt()).isEqualTo(12 * 3600);
    }

    @Test
    void executionsAreTracedAndLoggedToALogGroupEncryptedWithItsOwnKey() {
        TemplateJson batch = onDemand.batch();
        JsonNode machine = stateMachine(batch);
        String logGroupId = only(batch, "AWS::Logs::LogGroup", "vendedlogs");
        JsonNode logGroup = batch.resource(logGroupId).path("Properties");
        String keyId = only(batch, "AWS::KMS::Key", "logs");
        JsonNode key = batch.resource(keyId).path("Properties");
        JsonNode logsUse = statementWithSid(key.path("KeyPolicy").path("Statement"), "CloudWatchLogsUsesKey");

        assertThat(machine.path("StateMachineName").asText()).isEqualTo(PREFIX + "batch-recommendations");
        assertThat(machine.path("TracingConfiguration").path("Enabled").asBoolean()).isTrue();
        assertThat(machine.path("LoggingConfiguration").path("Level").asText()).isEqualTo("ALL");
        assertThat(text(machine.path("LoggingConfiguration").path("Destinations").get(0)
                .path("CloudWatchLogsLogGroup").path("LogGroupArn"))).isEqualTo("${" + logGroupId + ".Arn}");
        assertThat(logGroup.path("LogGroupName").asText())
                .isEqualTo("/aws/vendedlogs/states/" + PREFIX + "batch-recommendations");
        assertThat(text(logGroup.path("KmsKeyId"))).isEqualTo("${" + keyId + ".Arn}");
        assertThat(key.path("EnableKeyRotation").asBoolean()).isTrue();
        assertThat(logsUse.path("Principal").path("Service").asText()).isEqualTo("logs.eu-west-1.amazonaws.com");
        assertThat(text(logsUse.path("Condition").path("ArnEquals").path("kms:EncryptionContext:aws:logs:arn")))
                .isEqualTo(PARTITION + ":logs:eu-west-1:" + Fixtures.ACCOUNT + ":log-group:/aws/vendedlogs/states/"
                        + PREFIX + "batch-recommendations");
    }

    @Test
    void theWorkflowMayOnlyCreateAndCheckThisEnvironmentsJobsAndPassOnlyThePersonalizeRole() {
        TemplateJson batch = onDemand.batch();
        String roleId = text(stateMachine(batch).path("RoleArn")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");
        List<JsonNode> statements = policyStatements(batch, roleId);
        String jobs = PERSONALIZE + "batch-inference-job/" + PREFIX + "batch-*";

        assertThat(statements).hasSize(5);
        assertThat(actionsOn(statements, PERSONALIZE + "campaign/" + CAMPAIGN))
                .containsExactly("personalize:DescribeCampaign");
        assertThat(texts(statement(statements, "personalize:CreateBatchInferenceJob").path("Resource")))
                .containsExactly(jobs, PERSONALIZE + "solution/" + PREFIX + "user-personalization-*");
        assertThat(texts(statement(statements, "personalize:DescribeBatchInferenceJob").path("Resource")))
                .containsExactly(jobs);
        JsonNode pass = statement(statements, "iam:PassRole");
        assertThat(texts(pass.path("Resource"))).containsExactly(PERSONALIZE_ROLE);
        assertThat(pass.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("personalize.amazonaws.com");
        // The only "*": the actions that support no resource-level permissions.
        List<JsonNode> anywhere = statements.stream().filter(s -> texts(s.path("Resource")).contains("*")).toList();
        assertThat(anywhere).hasSize(1);
        assertThat(texts(anywhere.get(0).path("Action"))).containsExactlyInAnyOrder("logs:CreateLogDelivery",
                "logs:DeleteLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies",
                "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery",
                "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords",
                "xray:PutTraceSegments");
    }

    @Test
    void personalizeMayListTheBatchPrefixesReadTheInputWriteTheOutputAndUseTheKeyForThem() {
        TemplateJson batch = onDemand.batch();
        String policyId = only(batch, "AWS::IAM::Policy", "WriteBatchOutput");
        JsonNode policy = batch.resource(policyId).path("Properties");
        List<JsonNode> statements = new ArrayList<>();
        policy.path("PolicyDocument").path("Statement").forEach(statements::add);

        assertThat(texts(policy.path("Roles"))).containsExactly(PREFIX + "personalize-eu-west-1");
        assertThat(statements).extracting(s -> s.path("Sid").asText()).containsExactly("ListBatchPrefixes",
                "ReadBatchInput", "WriteBatchOutput", "UseDataKeyForBatchFiles");
        assertThat(texts(statements.get(0).path("Action"))).containsExactly("s3:ListBucket");
        assertThat(texts(statements.get(0).path("Resource"))).singleElement().asString().matches(BUCKET_ARN);
        assertThat(texts(statements.get(0).path("Condition").path("StringLike").path("s3:prefix")))
                .containsExactly("batch/input/*", "batch/output/*");
        assertThat(texts(statements.get(1).path("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(statements.get(1).path("Resource"))).singleElement().asString()
                .matches(BUCKET_ARN + "/batch/input/\\*");
        assertThat(texts(statements.get(2).path("Action"))).containsExactly("s3:PutObject");
        assertThat(texts(statements.get(2).path("Resource"))).singleElement().asString()
                .matches(BUCKET_ARN + "/batch/output/\\*");
        assertThat(texts(statements.get(3).path("Action"))).containsExactly("kms:Decrypt", "kms:GenerateDataKey");
        assertThat(texts(statements.get(3).path("Resource"))).singleElement().asString().matches(KEY_ARN);
    }

    @Test
    void theDataBucketLetsPersonalizeActingForThisEnvironmentUseOnlyTheBatchPrefixes() {
        List<JsonNode> statements = new ArrayList<>();
        onDemand.data().resources("AWS::S3::BucketPolicy").values().forEach(policy -> policy.path("Properties")
                .path("PolicyDocument").path("Statement").forEach(statements::add));
        JsonNode list = statementWithSid(statements, "PersonalizeListBatchPrefixes");
        JsonNode read = statementWithSid(statements, "PersonalizeReadBatchInput");
        JsonNode write = statementWithSid(statements, "PersonalizeWriteBatchOutput");
        String bucketArn = text(list.path("Resource"));

        assertThat(bucketArn).matches("\\$\\{DataBucketData\\w+\\.Arn}");
        assertThat(texts(list.path("Action"))).containsExactly("s3:ListBucket");
        assertThat(texts(list.path("Condition").path("StringLike").path("s3:prefix")))
                .containsExactly("batch/input/*", "batch/output/*");
        assertThat(texts(read.path("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(read.path("Resource"))).containsExactly(bucketArn + "/batch/input/*");
        assertThat(texts(write.path("Action"))).containsExactly("s3:PutObject");
        assertThat(texts(write.path("Resource"))).containsExactly(bucketArn + "/batch/output/*");
        assertThat(List.of(list, read, write)).allSatisfy(statement -> {
            assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("personalize.amazonaws.com");
            assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                    .isEqualTo(Fixtures.ACCOUNT);
            assertThat(text(statement.path("Condition").path("ArnLike").path("aws:SourceArn")))
                    .isEqualTo(PERSONALIZE + "*/" + PREFIX + "*");
        });
    }

    @Test
    void theInputIsUploadedUnderBatchInputByANamedRoleThatAloneMayUseTheDataKeyForIt() {
        TemplateJson batch = onDemand.batch();
        JsonNode deployment = batch.resources("Custom::CDKBucketDeployment").values().iterator().next()
                .path("Properties");
        String roleId = only(batch, "AWS::IAM::Role", UPLOAD_ROLE);
        JsonNode handler = batch.resources("AWS::Lambda::Function").values().iterator().next().path("Properties");
        List<JsonNode> keyStatements = new ArrayList<>();
        onDemand.data().resources("AWS::KMS::Key").values().iterator().next().path("Properties").path("KeyPolicy")
                .path("Statement").forEach(keyStatements::add);
        JsonNode upload = statementWithSid(keyStatements, "BatchInputUploadUsesKey");

        assertThat(deployment.path("DestinationBucketKeyPrefix").asText()).isEqualTo("batch/input/");
        assertThat(text(deployment.path("DestinationBucketName"))).matches(BUCKET_NAME);
        assertThat(deployment.path("Prune").asBoolean()).isTrue();
        assertThat(text(handler.path("Role"))).isEqualTo("${" + roleId + ".Arn}");
        assertThat(texts(upload.path("Action"))).containsExactlyInAnyOrder("kms:GenerateDataKey", "kms:Decrypt");
        assertThat(text(upload.path("Condition").path("ArnEquals").path("aws:PrincipalArn")))
                .isEqualTo(PARTITION + ":iam::" + Fixtures.ACCOUNT + ":role/" + UPLOAD_ROLE);
        assertThat(batch.resources("AWS::IAM::Role").values()).as("no managed policy on any role").allSatisfy(
                role -> assertThat(role.path("Properties").path("ManagedPolicyArns").isMissingNode()).isTrue());
    }

    @Test
    void theInputHoldsOneJsonLinePerKnownUserSortedAndTheSameBytesForTheSameData() throws IOException {
        Path prepared = Fixtures.preparedData(tmp.resolve("users/prepared"), false);
        Files.writeString(prepared.resolve("interactions.csv"), "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n"
                + "10,10,881250949,Watch,4.0\n2,20,881250950,Watch,3.0\n10,20,881250951,Watch,5.0\n"
                + "\"a\"\"b\\c\",10,881250952,Watch,\n");
        PreparedData data = PreparedData.load(prepared, "prepared");

        Path first = BatchInput.writeFile(data, tmp.resolve("users/one"));
        Path second = BatchInput.writeFile(data, tmp.resolve("users/two"));

        assertThat(first).isEqualTo(tmp.resolve("users/one").resolve(data.dataVersion()));
        List<String> lines = Files.readAllLines(first.resolve("users.json"));
        assertThat(lines).containsExactly("{\"userId\": \"10\"}", "{\"userId\": \"2\"}",
                "{\"userId\": \"a\\\"b\\\\c\"}");
        assertThat(lines).extracting(line -> JSON.readTree(line).path("userId").asText())
                .containsExactly("10", "2", "a\"b\\c");
        assertThat(Files.readAllBytes(second.resolve("users.json"))).isEqualTo(Files.readAllBytes(first.resolve(
                "users.json")));
    }

    @Test
    void theSynthesizedInputAssetHoldsOnlyUsersJsonForTheFixturesTwoUsers() throws IOException {
        JsonNode deployment = onDemand.batch().resources("Custom::CDKBucketDeployment").values().iterator().next();
        String key = deployment.path("Properties").path("SourceObjectKeys").get(0).asText();
        Path asset = tmp.resolve("on-demand/cdk.out").resolve("asset." + key.replaceAll("\\.zip$", ""));

        try (Stream<Path> files = Files.walk(asset)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> asset.relativize(file).toString()))
                    .containsExactly("users.json");
        }
        assertThat(Files.readString(asset.resolve("users.json")))
                .isEqualTo("{\"userId\": \"1\"}\n{\"userId\": \"2\"}\n");
        assertThat(key).as("the same data gives the same asset, on demand or scheduled").isEqualTo(scheduled.batch()
                .resources("Custom::CDKBucketDeployment").values().iterator().next().path("Properties")
                .path("SourceObjectKeys").get(0).asText());
    }

    @Test
    void withoutAScheduleNothingStartsTheWorkflowButAPerson() {
        assertThat(onDemand.batch().resources("AWS::Scheduler::Schedule")).isEmpty();
        assertThat(onDemand.batch().root().toString()).doesNotContain("scheduler.amazonaws.com");
    }

    @Test
    void aScheduleStartsTheWorkflowThroughARoleThatMayOnlyStartIt() {
        TemplateJson batch = scheduled.batch();
        String machineId = only(batch, "AWS::StepFunctions::StateMachine", "batch-recommendations");
        JsonNode schedule = batch.resources("AWS::Scheduler::Schedule").values().iterator().next().path("Properties");
        String roleId = text(schedule.path("Target").path("RoleArn")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");
        List<JsonNode> statements = policyStatements(batch, roleId);

        assertThat(batch.resources("AWS::Scheduler::Schedule")).hasSize(1);
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo(SCHEDULE);
        assertThat(schedule.path("ScheduleExpressionTimezone").asText()).isEqualTo("Etc/UTC");
        assertThat(schedule.path("State").asText()).isEqualTo("ENABLED");
        assertThat(text(schedule.path("Target").path("Arn"))).isEqualTo("${" + machineId + "}");
        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(texts(statement.path("Action"))).containsExactly("states:StartExecution");
            assertThat(texts(statement.path("Resource"))).containsExactly("${" + machineId + "}");
        });
        assertThat(batch.resource(roleId).path("Properties").path("AssumeRolePolicyDocument").path("Statement")
                .get(0).path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo(Fixtures.ACCOUNT);
    }

    @Test
    void theOutputsNameTheStateMachineAndTheOutputPrefix() {
        JsonNode outputs = onDemand.batch().root().path("Outputs");
        String machineId = only(onDemand.batch(), "AWS::StepFunctions::StateMachine", "batch-recommendations");

        assertThat(text(outputs.path("StateMachineArn").path("Value"))).isEqualTo("${" + machineId + "}");
        assertThat(text(outputs.path("OutputPrefix").path("Value"))).matches("s3://" + BUCKET_NAME + "/batch/output/");
    }

    @Test
    void cdkNagFindsNothingUnsuppressedInTheBatchOrTheDataStack() {
        for (Synth synth : List.of(onDemand, scheduled)) {
            for (Stack stack : List.of(synth.batchStack(), synth.dataStack())) {
                assertThat(describe(Annotations.fromStack(stack).findError("*", Match.anyValue())))
                        .as(stack.getStackName()).isEmpty();
                assertThat(describe(Annotations.fromStack(stack).findWarning("*", Match.anyValue())))
                        .as(stack.getStackName()).isEmpty();
            }
        }
    }

    @Test
    void cdkNagChecksTheBatchStack() {
        Synth guard = Synth.of(tmp.resolve("guard"), BatchRecommendationSettings.defaults(), false,
                stack -> new Bucket(stack, "UnloggedBucket"));

        assertThat(describe(Annotations.fromStack(guard.batchStack())
                .findError("*", Match.stringLikeRegexp("AwsSolutions-S1: .*"))))
                .singleElement().asString().contains("UnloggedBucket");
    }

    @Test
    void propsRefuseAnotherEnvironmentsCampaignOrFilterAndARelativeBuildRoot() {
        String campaign = "arn:aws:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":campaign/" + CAMPAIGN;
        Path root = tmp.resolve("props");

        assertThat(props(root, campaign, Optional.empty()).filterArn()).isEmpty();
        assertThatThrownBy(() -> props(root, campaign.replace("movierec-dev-", "movierec-prod-"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("campaignArn \"arn:aws:personalize:eu-west-1:" + Fixtures.ACCOUNT
                        + ":campaign/movierec-prod-");
        assertThatThrownBy(() -> props(root, campaign, Optional.of(campaign)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("filterArn").hasMessageContaining(":filter/movierec-dev-");
        assertThatThrownBy(() -> props(Path.of("target/batch-input"), campaign, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("inputBuildRoot target/batch-input");
    }

    /** Props beside the on-demand synth's Data stack, on demand with 25 per user. */
    private static BatchRecommendationsStackProps props(Path inputBuildRoot, String campaignArn,
                                                        Optional<String> filterArn) {
        return new BatchRecommendationsStackProps("s", new PersonalizeNames("dev"), onDemand.dataStack().store(),
                onDemand.prepared(), inputBuildRoot, campaignArn, filterArn, BatchRecommendationSettings.defaults());
    }

    private static String only(TemplateJson template, String type, String text) {
        return template.logicalId(type, text);
    }

    private static JsonNode stateMachine(TemplateJson template) {
        return template.resource(only(template, "AWS::StepFunctions::StateMachine", "batch-recommendations"))
                .path("Properties");
    }

    /** The statements of the AWS::IAM::Policy resources attached to a role of this template. */
    private static List<JsonNode> policyStatements(TemplateJson template, String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        template.resources("AWS::IAM::Policy").values().stream()
                .filter(policy -> texts(policy.path("Properties").path("Roles")).contains("${" + roleId + "}"))
                .forEach(policy -> policy.path("Properties").path("PolicyDocument").path("Statement")
                        .forEach(statements::add));
        return statements;
    }

    private static JsonNode statement(List<JsonNode> statements, String action) {
        List<JsonNode> found = statements.stream().filter(s -> texts(s.path("Action")).contains(action)).toList();
        assertThat(found).as("one statement allowing %s", action).hasSize(1);
        assertThat(texts(found.get(0).path("Action"))).as("%s alone in its statement", action).containsExactly(action);
        return found.get(0);
    }

    private static List<String> actionsOn(List<JsonNode> statements, String resource) {
        return statements.stream().filter(s -> texts(s.path("Resource")).contains(resource))
                .flatMap(s -> texts(s.path("Action")).stream()).toList();
    }

    private static JsonNode statementWithSid(Iterable<JsonNode> statements, String sid) {
        List<JsonNode> found = new ArrayList<>();
        statements.forEach(s -> {
            if (s.path("Sid").asText().equals(sid)) {
                found.add(s);
            }
        });
        assertThat(found).as("one statement %s", sid).hasSize(1);
        return found.get(0);
    }

    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }

    /** A dev stage with the real Data stack and the batch stack, checked by cdk-nag like every stage. */
    private record Synth(PreparedData prepared, DataStack dataStack, BatchRecommendationsStack batchStack,
                         TemplateJson data, TemplateJson batch, JsonNode definition) {

        static Synth of(Path dir, BatchRecommendationSettings settings, boolean filtered) {
            return of(dir, settings, filtered, stack -> { });
        }

        static Synth of(Path dir, BatchRecommendationSettings settings, boolean filtered,
                        Consumer<Stack> extra) {
            App app = Fixtures.app(dir.resolve("cdk.out"));
            PreparedData prepared = Fixtures.loadedPreparedData(dir.resolve("prepared"), true);
            PersonalizeNames names = new PersonalizeNames("dev");
            DataStack data = Fixtures.devDataStack(app, prepared);
            Stage stage = Stage.of(data);
            // What the Personalize stack's ServingResources holds: ARNs built from names.
            PersonalizeArns arns = PersonalizeArns.of(data, names);
            Optional<String> filter = filtered ? Optional.of(arns.resource("filter", FILTER)) : Optional.empty();
            BatchRecommendationsStack batch = new BatchRecommendationsStack(stage, "Batch",
                    new BatchRecommendationsStackProps(PREFIX + "batch", names, data.store(), prepared,
                            dir.resolve("batch-input"), arns.resource("campaign", CAMPAIGN), filter, settings));
            batch.addStackDependency(data, "the input goes to the data bucket, encrypted by the data key");
            extra.accept(batch);
            Aspects.of(stage).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));

            Template template = Template.fromStack(batch);
            Capture definition = new Capture();
            template.hasResourceProperties("AWS::StepFunctions::StateMachine",
                    Map.of("DefinitionString", definition));
            try {
                JsonNode parsed = JSON.readTree(text(JSON.valueToTree(definition.asObject())));
                return new Synth(prepared, data, batch, TemplateJson.of(Template.fromStack(data)),
                        TemplateJson.of(template), parsed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
