package com.movierec.infra.personalize;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthesizedStages;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** Security, wiring and naming of the Personalize stack, synthesized once for dev and once for prod. */
class PersonalizeStackTest {
    private static final String PREFIX = "movierec-dev-";

    @TempDir
    static Path tmp;
    private static String dataVersion;
    private static Template devTemplate;
    private static TemplateJson dev;
    private static TemplateJson prod;

    @BeforeAll
    static void synthesize() {
        SynthesizedStages stages = SynthesizedStages.of(tmp, "dev", "prod");
        dataVersion = stages.preparedData().dataVersion();
        devTemplate = Template.fromStack(stages.stage("dev").personalizeStack());
        dev = TemplateJson.of(devTemplate);
        prod = TemplateJson.of(Template.fromStack(stages.stage("prod").personalizeStack()));
    }

    @Test
    void theServiceRoleTrustsOnlyPersonalizeActingForThisEnvironment() {
        JsonNode trust = serviceRole().path("AssumeRolePolicyDocument").path("Statement");

        assertThat(trust).hasSize(1);
        JsonNode statement = trust.get(0);
        assertThat(statement.path("Principal").toString()).isEqualTo("{\"Service\":\"personalize.amazonaws.com\"}");
        assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo(Fixtures.ACCOUNT);
        assertThat(text(statement.path("Condition").path("ArnLike").path("aws:SourceArn")))
                .isEqualTo("arn:${AWS::Partition}:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":*/" + PREFIX + "*");
    }

    @Test
    void theServiceRoleReadsOnlyTheDatasetPrefixAndUsesOnlyTheDataKey() {
        JsonNode role = serviceRole();
        List<JsonNode> statements = new ArrayList<>();
        role.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));

        assertThat(role.path("RoleName").asText()).isEqualTo(PREFIX + "personalize-eu-west-1");
        assertThat(statements).hasSize(3);
        assertThat(texts(statements.get(0).path("Action"))).containsExactly("s3:ListBucket");
        assertThat(statements.get(0).path("Condition").path("StringLike").path("s3:prefix").asText())
                .isEqualTo("datasets/ml-100k/*");
        assertThat(texts(statements.get(1).path("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(statements.get(1).path("Resource"))).singleElement().asString()
                .startsWith("${import:movierec-dev-data:").endsWith("/datasets/ml-100k/*");
        assertThat(texts(statements.get(2).path("Action"))).containsExactlyInAnyOrder("kms:Decrypt",
                "kms:GenerateDataKey", "kms:DescribeKey", "kms:ListGrants");
        assertThat(texts(statements.get(2).path("Resource"))).singleElement().asString()
                .startsWith("${import:movierec-dev-data:").contains("DataKey");
    }

    @Test
    void noRoleUsesAnAwsManagedPolicy() {
        assertThat(dev.resources("AWS::IAM::Role").values())
                .allSatisfy(role -> assertThat(role.path("Properties").has("ManagedPolicyArns")).isFalse());
        assertThat(dev.root().toString()).doesNotContain("AmazonPersonalizeFullAccess");
    }

    @Test
    void aWildcardResourceIsOnlyGrantedWhereNoArnExists() {
        List<String> allowedOnAnyResource = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                "xray:GetSamplingRules", "xray:GetSamplingTargets", "logs:CreateLogDelivery", "logs:GetLogDelivery",
                "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
                "logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "logs:CreateLogStream", "logs:PutLogEvents",
                // a List action takes no resource type: IAM authorises it on "*" only
                "personalize:ListSolutionVersions");

        assertThat(dev.iamStatements()).filteredOn(s -> texts(s.path("Resource")).contains("*"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(texts(s.path("Action"))).isSubsetOf(allowedOnAnyResource));
    }

    @Test
    void theHandlersManageOnlyThisEnvironmentsPersonalizeResources() {
        JsonNode statement = handlerStatement("ManageOwnPersonalizeResources");

        assertThat(texts(statement.path("Action"))).allMatch(action -> action.startsWith("personalize:"))
                .contains("personalize:CreateDatasetGroup", "personalize:DeleteCampaign",
                        "personalize:StopSolutionVersionCreation",
                        // tags on Create need TagResource; a removed tag needs UntagResource
                        "personalize:TagResource", "personalize:UntagResource");
        assertThat(texts(statement.path("Resource"))).containsExactlyInAnyOrder(
                ownArn("schema"), ownArn("dataset-group"), ownArn("dataset"), ownArn("dataset-import-job"),
                ownArn("solution"), ownArn("campaign"), ownArn("filter"),
                // tracker ARNs carry a generated id, not the name: no prefix can scope them
                "arn:${AWS::Partition}:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":event-tracker/*");
        // the watcher follows imports and nothing describes a recipe: local mode's least-privilege report
        assertThat(texts(statement.path("Action"))).doesNotContain("personalize:ListSolutionVersions",
                "personalize:DescribeDatasetImportJob", "personalize:DescribeRecipe");
        JsonNode listing = handlerStatement("ListSolutionVersionsBeforeDelete");
        assertThat(texts(listing.path("Action"))).containsExactly("personalize:ListSolutionVersions");
        assertThat(texts(listing.path("Resource"))).containsExactly("*");
    }

    @Test
    void theHandlersPassTheServiceRoleOnlyToPersonalize() {
        JsonNode statement = handlerStatement("PassServiceRoleToPersonalize");

        assertThat(texts(statement.path("Action"))).containsExactly("iam:PassRole");
        assertThat(texts(statement.path("Resource"))).containsExactly("${" + serviceRoleId() + ".Arn}");
        assertThat(statement.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("personalize.amazonaws.com");
    }

    @Test
    void theHandlersStartOnlyTheWatcher() {
        JsonNode statement = handlerStatement("StartJobWatcher");

        assertThat(texts(statement.path("Action"))).containsExactly("states:StartExecution");
        assertThat(texts(statement.path("Resource"))).containsExactly("${" + watcherStateMachineId() + "}");
    }

    @Test
    void theWatcherLambdaMayOnlyDescribeJobs() {
        String role = text(function(WATCHER).path("Properties").path("Role"));
        List<JsonNode> statements = policyStatementsOf(role.substring(2, role.length() - 5));

        assertThat(statements).flatExtracting(s -> texts(s.path("Action")))
                .containsOnly("personalize:DescribeDatasetImportJob", "personalize:DescribeSolutionVersion",
                        "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(statements).filteredOn(s -> texts(s.path("Action")).get(0).startsWith("personalize:"))
                .flatExtracting(s -> texts(s.path("Resource")))
                .containsExactlyInAnyOrder(ownArn("dataset-import-job"), ownArn("solution"));
    }

    @Test
    void theLambdasRunTheLifecycleJarOnJava21Arm64WithTheirOwnLogGroups() {
        Map<String, Integer> timeouts = Map.of(ON_EVENT, 120, IS_COMPLETE, 120, WATCHER, 60);
        timeouts.forEach((handler, timeout) -> {
            JsonNode function = function(handler).path("Properties");
            assertThat(function.path("Runtime").asText()).isEqualTo("java21");
            assertThat(texts(function.path("Architectures"))).containsExactly("arm64");
            assertThat(function.path("MemorySize").asInt()).isEqualTo(512);
            assertThat(function.path("Timeout").asInt()).isEqualTo(timeout);
            assertThat(function.path("Code").path("S3Key").asText()).endsWith(".jar");
            assertThat(function.path("Environment").path("Variables").path("POWERTOOLS_SERVICE_NAME").asText())
                    .isEqualTo("movierec-lifecycle");
            String logGroup = text(function.path("LoggingConfig").path("LogGroup"));
            assertThat(dev.resource(logGroup.substring(2, logGroup.length() - 1)).path("Properties")
                    .path("RetentionInDays").asInt()).isEqualTo(30);
        });
    }

    @Test
    void theProviderPollsIsCompleteEveryThirtySecondsForOneHour() {
        String waiter = dev.resources("AWS::StepFunctions::StateMachine").values().stream()
                .map(sm -> text(sm.path("Properties").path("DefinitionString")))
                .filter(definition -> definition.contains("framework-isComplete-task"))
                .findFirst().orElseThrow();

        assertThat(waiter).contains("\"IntervalSeconds\":30", "\"MaxAttempts\":120", "\"BackoffRate\":1");
    }

    @Test
    void theWatcherLoopsUntilDoneWithLoggingAndTracing() {
        JsonNode watcher = dev.resource(watcherStateMachineId()).path("Properties");
        String definition = text(watcher.path("DefinitionString"));

        assertThat(watcher.path("StateMachineType").asText()).isEqualTo("STANDARD");
        assertThat(watcher.path("TracingConfiguration").path("Enabled").asBoolean()).isTrue();
        assertThat(watcher.path("LoggingConfiguration").path("Level").asText()).isEqualTo("ALL");
        assertThat(watcher.path("LoggingConfiguration").path("IncludeExecutionData").asBoolean())
                .as("the execution input holds the presigned SignalUrl").isFalse();
        assertThat(definition).contains("\"StartAt\":\"CheckJob\"", "\"Variable\":\"$.Done\"",
                "\"SecondsPath\":\"$.PollSeconds\",\"Next\":\"CheckJob\"", "\"TimeoutSeconds\":21600");
    }

    @Test
    void everyContractResourceTypeIsPresentOncePerUse() {
        Map<String, Integer> expected = Map.of("Custom::PersonalizeSchema", 3, "Custom::PersonalizeDatasetGroup", 1,
                "Custom::PersonalizeDataset", 3, "Custom::PersonalizeDatasetImportJob", 3,
                "Custom::PersonalizeSolution", 4, "Custom::PersonalizeSolutionVersion", 4,
                "Custom::PersonalizeSolutionMetrics", 4, "Custom::PersonalizeCampaign", 4,
                "Custom::PersonalizeEventTracker", 1, "Custom::PersonalizeFilter", 3);
        expected.forEach((type, count) -> devTemplate.resourceCountIs(type, count));
        devTemplate.resourceCountIs("AWS::CloudFormation::WaitCondition", 3 + 4);
    }

    @Test
    void theDatasetGroupIsEncryptedWithTheDataKeyThroughTheServiceRole() {
        JsonNode group = single("Custom::PersonalizeDatasetGroup").path("Properties");

        assertThat(group.path("Name").asText()).isEqualTo(PREFIX + "dataset-group");
        assertThat(text(group.path("KmsKeyArn"))).startsWith("${import:movierec-dev-data:").contains("DataKey");
        assertThat(text(group.path("RoleArn"))).isEqualTo("${" + serviceRoleId() + ".Arn}");
    }

    @Test
    void importsReadThisDataVersionsFilesAndAreNamedAfterIt() {
        for (String type : List.of("interactions", "items", "users")) {
            JsonNode job = dev.resource(importJobId(type)).path("Properties");
            assertThat(text(job.path("DataLocation"))).startsWith("s3://${import:movierec-dev-data:")
                    .endsWith("/datasets/ml-100k/" + dataVersion + "/" + type + ".csv");
            assertThat(job.path("JobName").asText()).matches(PREFIX + "import-" + type + "-[0-9a-f]{8}");
            assertThat(job.path("ImportMode").asText()).isEqualTo("FULL");
            assertThat(job.path("PollSeconds").asText()).isEqualTo("60");
        }
    }

    @Test
    void solutionsStateAutoTrainingExplicitlyAndUseHpoOnlyWhereTheRecipeAcceptsIt() {
        assertThat(dev.resources("Custom::PersonalizeSolution").values()).allSatisfy(solution -> {
            assertThat(solution.path("Properties").path("PerformAutoTraining").asText()).isEqualTo("false");
            assertThat(solution.path("Properties").path("PerformHPO").asText()).isEqualTo("false");
            assertThat(solution.path("Properties").has("AutoTrainingSchedule")).isFalse();
        });
        assertThat(recipesWithHpo(prod)).containsExactly("aws-similar-items");
    }

    @Test
    void eachRecipeHasItsSolutionVersionAndCampaign() {
        assertThat(dev.resources("Custom::PersonalizeSolution").values())
                .extracting(s -> text(s.path("Properties").path("RecipeArn")).replace(
                        "arn:${AWS::Partition}:personalize:::recipe/", ""))
                .containsExactlyInAnyOrder("aws-user-personalization-v2", "aws-similar-items", "aws-popularity-count",
                        "aws-personalized-ranking-v2");
        assertThat(dev.resources("Custom::PersonalizeCampaign").values())
                .allSatisfy(c -> assertThat(c.path("Properties").path("MinProvisionedTPS").asText()).isEqualTo("1"));
        assertThat(prod.resources("Custom::PersonalizeCampaign").values())
                .allSatisfy(c -> assertThat(c.path("Properties").path("MinProvisionedTPS").asText()).isEqualTo("2"));
    }

    @Test
    void theFiltersExcludeWatchedMoviesAndIncludeTheRequestedGenre() {
        assertThat(dev.resources("Custom::PersonalizeFilter").values())
                .extracting(f -> f.path("Properties").path("FilterExpression").asText())
                .containsExactlyInAnyOrder(
                        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")",
                        "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)",
                        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\") | INCLUDE ItemID WHERE "
                                + "Items.GENRES IN ($GENRE)");
    }

    @Test
    void everyPersonalizeNameIsDerivedFromTheEnvironment() {
        List<String> names = new ArrayList<>();
        dev.root().path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().startsWith("Custom::Personalize")) {
                JsonNode properties = resource.path("Properties");
                for (String key : List.of("Name", "JobName")) {
                    if (properties.has(key)) {
                        names.add(properties.get(key).asText());
                    }
                }
            }
        });

        assertThat(names).hasSize(3 + 1 + 3 + 3 + 4 + 4 + 1 + 3).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).startsWith(PREFIX).hasSizeLessThanOrEqualTo(63)
                        .matches(PersonalizeNames.VALID.pattern()));
    }

    @Test
    void datasetsReferenceTheirGroupAndTheSchemaOfTheirType() {
        for (String type : List.of("Interactions", "Items", "Users")) {
            JsonNode dataset = dev.resource(dev.logicalId("Custom::PersonalizeDataset", "\"" + type + "\""))
                    .path("Properties");
            assertThat(text(dataset.path("DatasetGroupArn"))).isEqualTo("${" + groupId() + ".Arn}");
            assertThat(text(dataset.path("SchemaArn"))).isEqualTo("${" + schemaId(type) + ".Arn}");
        }
    }

    @Test
    void importJobsFollowTheirDatasetAndSignalTheirOwnWaitCondition() {
        for (String type : List.of("interactions", "items", "users")) {
            String job = importJobId(type);
            JsonNode properties = dev.resource(job).path("Properties");
            String dataset = dev.logicalId("Custom::PersonalizeDataset", "\"" + PREFIX + type + "\"");
            assertThat(text(properties.path("DatasetArn"))).isEqualTo("${" + dataset + ".Arn}");
            String handle = text(properties.path("SignalUrl"));
            String condition = waitConditionAfter(job);
            assertThat(text(dev.resource(condition).path("Properties").path("Handle"))).isEqualTo(handle);
            assertThat(dev.resource(condition).path("Properties").path("Timeout").asText()).isEqualTo("21600");
        }
    }

    @Test
    void solutionsDependOnEveryImportHavingFinished() {
        List<String> importWaits = List.of("interactions", "items", "users").stream()
                .map(type -> waitConditionAfter(importJobId(type))).toList();

        assertThat(dev.resources("Custom::PersonalizeSolution").keySet())
                .allSatisfy(solution -> assertThat(dev.dependsOn(solution)).containsAll(importWaits));
    }

    @Test
    void metricsAreReadOnlyAfterTrainingHasFinished() {
        dev.resources("Custom::PersonalizeSolutionMetrics").forEach((metrics, resource) -> {
            String version = text(resource.path("Properties").path("SolutionVersionArn"));
            String versionId = version.substring(2, version.length() - 5);
            assertThat(dev.dependsOn(metrics)).containsExactly(waitConditionAfter(versionId));
            assertThat(text(dev.resource(versionId).path("Properties").path("Trigger"))).isEqualTo(dataVersion);
        });
    }

    @Test
    void theEventTrackerDependsOnEverySolution() {
        assertThat(dev.dependsOn(single("Custom::PersonalizeEventTracker", "EventTracker")))
                .containsAll(dev.resources("Custom::PersonalizeSolution").keySet());
    }

    @Test
    void filtersDependOnTheEventTracker() {
        String tracker = single("Custom::PersonalizeEventTracker", "EventTracker");

        assertThat(dev.resources("Custom::PersonalizeFilter").keySet())
                .allSatisfy(filter -> assertThat(dev.dependsOn(filter)).contains(tracker));
    }

    @Test
    void campaignsDependOnEveryFilterAndOnTheirVersionsMetrics() {
        dev.resources("Custom::PersonalizeCampaign").forEach((campaign, resource) -> {
            String version = text(resource.path("Properties").path("SolutionVersionArn"));
            String versionId = version.substring(2, version.length() - 5);
            String metrics = dev.logicalId("Custom::PersonalizeSolutionMetrics", versionId);
            assertThat(dev.dependsOn(campaign)).containsAll(dev.resources("Custom::PersonalizeFilter").keySet())
                    .contains(metrics);
        });
    }

    @Test
    void everyPersonalizeResourceIsDeletedWithTheStack() {
        dev.root().path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().startsWith("Custom::Personalize")) {
                assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Delete");
            }
        });
        prod.root().path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().startsWith("Custom::Personalize")) {
                assertThat(resource.path("DeletionPolicy").asText()).isEqualTo("Delete");
            }
        });
    }

    @Test
    void campaignsFiltersAndTheTrackerAreOutputs() {
        assertThat(dev.root().path("Outputs").properties()).extracting(Map.Entry::getKey)
                .filteredOn(name -> !name.startsWith("ExportsOutput")).containsExactlyInAnyOrder(
                "UserPersonalizationCampaignArn", "RelatedItemsCampaignArn", "PopularityCampaignArn",
                "RankingCampaignArn", "UnwatchedFilterArn", "GenreFilterArn", "UnwatchedInGenreFilterArn",
                "EventTrackerTrackingId");
        assertThat(text(dev.root().path("Outputs").path("EventTrackerTrackingId").path("Value")))
                .endsWith(".TrackingId}");
    }

    @Test
    void onlyTheEventTrackersTrackingIdIsExportedBecauseCampaignsAndFiltersAreReplacedByNameAndPutEventsNamesNoArn() {
        List<String> exported = new ArrayList<>();
        dev.root().path("Outputs").forEach(output -> {
            if (output.has("Export")) {
                exported.add(text(output.path("Value")));
            }
        });

        String tracker = single("Custom::PersonalizeEventTracker", "EventTracker");
        assertThat(exported).as("a replaced campaign or filter would change an export the API stack imports, which "
                + "CloudFormation refuses; the tracker's ARN is not needed, as PutEvents is granted on \"*\"")
                .containsExactly("${" + tracker + ".TrackingId}");
    }

    private static final String ON_EVENT = "com.movierec.lifecycle.OnEventHandler::handleRequest";
    private static final String IS_COMPLETE = "com.movierec.lifecycle.IsCompleteHandler::handleRequest";
    private static final String WATCHER = "com.movierec.lifecycle.WatcherHandler::handleRequest";

    private static String ownArn(String type) {
        return "arn:${AWS::Partition}:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":" + type + "/" + PREFIX + "*";
    }

    private static List<String> recipesWithHpo(TemplateJson template) {
        return template.resources("Custom::PersonalizeSolution").values().stream()
                .filter(s -> s.path("Properties").path("PerformHPO").asText().equals("true"))
                .map(s -> text(s.path("Properties").path("RecipeArn")).replaceAll(".*/", ""))
                .toList();
    }

    private static JsonNode function(String handler) {
        return dev.resource(dev.logicalId("AWS::Lambda::Function", handler));
    }

    private static String serviceRoleId() {
        return dev.logicalId("AWS::IAM::Role", "personalize.amazonaws.com");
    }

    private static JsonNode serviceRole() {
        return dev.resource(serviceRoleId()).path("Properties");
    }

    private static String watcherStateMachineId() {
        return dev.logicalId("AWS::StepFunctions::StateMachine", "CheckJob");
    }

    private static String groupId() {
        return single("Custom::PersonalizeDatasetGroup", "DatasetGroup");
    }

    private static String schemaId(String type) {
        return dev.logicalId("Custom::PersonalizeSchema", PREFIX + type.toLowerCase() + "-schema-");
    }

    private static String importJobId(String type) {
        return dev.logicalId("Custom::PersonalizeDatasetImportJob", PREFIX + "import-" + type + "-");
    }

    /** The WaitCondition that waits for the job or training started by {@code jobId}. */
    private static String waitConditionAfter(String jobId) {
        List<String> conditions = dev.resources("AWS::CloudFormation::WaitCondition").keySet().stream()
                .filter(condition -> dev.dependsOn(condition).equals(List.of(jobId))).toList();
        assertThat(conditions).as("one WaitCondition after %s", jobId).hasSize(1);
        String handle = text(dev.resource(conditions.get(0)).path("Properties").path("Handle"));
        assertThat(text(dev.resource(jobId).path("Properties").path("SignalUrl"))).isEqualTo(handle);
        return conditions.get(0);
    }

    private static JsonNode single(String type) {
        assertThat(dev.resources(type)).hasSize(1);
        return dev.resources(type).values().iterator().next();
    }

    private static String single(String type, String idStart) {
        assertThat(dev.resources(type)).hasSize(1);
        String id = dev.resources(type).keySet().iterator().next();
        assertThat(id).startsWith(idStart);
        return id;
    }

    private static JsonNode handlerStatement(String sid) {
        return dev.iamStatements().stream().filter(s -> s.path("Sid").asText().equals(sid))
                .findFirst().orElseThrow(() -> new AssertionError("no IAM statement " + sid));
    }

    private static List<JsonNode> policyStatementsOf(String roleId) {
        List<JsonNode> statements = new ArrayList<>();
        dev.resources("AWS::IAM::Policy").values().stream()
                .filter(p -> texts(p.path("Properties").path("Roles")).contains("${" + roleId + "}"))
                .forEach(p -> p.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }
}
