package com.movierec.local.personalize.server.auth;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.json;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static com.movierec.local.personalize.iam.PolicyDocuments.trust;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Arns;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.engine.PersonalizeEngine;
import com.movierec.local.personalize.engine.Solutions;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.iam.PolicyDecision;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.control.ControlPlane;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Which action and resource ARNs each Personalize operation is authorised on, checked against the Service
 * Authorization Reference's resource types (through the simulator) and against the ARNs the engine really gives.
 */
class RequiredPermissionsTest {
    // Not the defaults, so an ARN built from them instead of the settings shows.
    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";
    private static final String P = "arn:aws:personalize:" + REGION + ":" + ACCOUNT + ":";
    private static final String GROUP = P + "dataset-group/movies";
    private static final String DATASET = P + "dataset/movies/INTERACTIONS";
    private static final String SCHEMA = P + "schema/interactions";
    private static final String SOLUTION = P + "solution/movies-user";
    private static final String VERSION = P + "solution/movies-user/1a2b3c4d";
    private static final String CAMPAIGN = P + "campaign/movies-user";
    private static final String TRACKER = P + "event-tracker/0a1b2c3d";
    private static final String FILTER = P + "filter/unwatched";
    private static final String JOB = P + "dataset-import-job/movies-interactions";
    private static final String BATCH_JOB = P + "batch-inference-job/movies-batch";
    private static final String RECIPE = "arn:aws:personalize:::recipe/aws-user-personalization-v2";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/personalize-service";
    private static final Map<String, String> TO_PERSONALIZE = Map.of("iam:PassedToService",
            "personalize.amazonaws.com");

    @TempDir
    Path s3;

    private PersonalizeEngine engine;
    private RequiredPermissions permissions;

    @BeforeEach
    void start() {
        engine = new PersonalizeEngine(settings(s3));
        permissions = new RequiredPermissions(new Arns(REGION, ACCOUNT), engine.eventTrackers());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static EngineSettings settings(Path s3) {
        return EngineSettings.defaults(s3).withRegion(REGION).withAccountId(ACCOUNT).withDelays(Delays.NONE);
    }

    private static Permission on(String operation, String resource) {
        return new Permission("personalize:" + operation, resource, Map.of());
    }

    private static Permission passRole(String role) {
        return new Permission("iam:PassRole", role, TO_PERSONALIZE);
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("CreateSchema", "{\"name\": \"interactions\", \"schema\": \"{}\"}",
                        List.of(on("CreateSchema", SCHEMA))),
                Arguments.of("CreateDatasetGroup", "{\"name\": \"movies\"}",
                        List.of(on("CreateDatasetGroup", GROUP))),
                Arguments.of("CreateDatasetGroup", "{\"name\": \"movies\", \"roleArn\": \"" + ROLE + "\"}",
                        List.of(on("CreateDatasetGroup", GROUP), passRole(ROLE))),
                Arguments.of("CreateDataset", "{\"name\": \"movies-interactions\", \"datasetGroupArn\": \"" + GROUP
                        + "\", \"datasetType\": \"Interactions\", \"schemaArn\": \"" + SCHEMA + "\"}",
                        List.of(on("CreateDataset", DATASET), on("CreateDataset", GROUP))),
                Arguments.of("CreateDataset", "{\"name\": \"x\", \"datasetGroupArn\": \"" + GROUP
                        + "\", \"datasetType\": \"items\", \"schemaArn\": \"" + SCHEMA + "\"}",
                        List.of(on("CreateDataset", P + "dataset/movies/ITEMS"), on("CreateDataset", GROUP))),
                Arguments.of("CreateDatasetImportJob", "{\"jobName\": \"movies-interactions\", \"datasetArn\": \""
                        + DATASET + "\", \"dataSource\": {\"dataLocation\": \"s3://data/i.csv\"}, \"roleArn\": \""
                        + ROLE + "\"}",
                        List.of(on("CreateDatasetImportJob", DATASET), on("CreateDatasetImportJob", JOB),
                                passRole(ROLE))),
                Arguments.of("CreateSolution", "{\"name\": \"movies-user\", \"datasetGroupArn\": \"" + GROUP
                        + "\", \"recipeArn\": \"" + RECIPE + "\"}",
                        List.of(on("CreateSolution", SOLUTION), on("CreateSolution", GROUP))),
                Arguments.of("CreateSolutionVersion", "{\"solutionArn\": \"" + SOLUTION + "\"}",
                        List.of(on("CreateSolutionVersion", SOLUTION))),
                Arguments.of("CreateCampaign", "{\"name\": \"movies-user\", \"solutionVersionArn\": \"" + VERSION
                        + "\", \"minProvisionedTPS\": 1}",
                        List.of(on("CreateCampaign", CAMPAIGN), on("CreateCampaign", VERSION))),
                Arguments.of("CreateBatchInferenceJob", "{\"jobName\": \"movies-batch\", \"solutionVersionArn\": \""
                        + VERSION + "\", \"jobInput\": {\"s3DataSource\": {\"path\": \"s3://data/in.json\"}}, "
                        + "\"jobOutput\": {\"s3DataDestination\": {\"path\": \"s3://data/out/\"}}, \"roleArn\": \""
                        + ROLE + "\"}",
                        List.of(on("CreateBatchInferenceJob", BATCH_JOB), on("CreateBatchInferenceJob", VERSION),
                                passRole(ROLE))),
                Arguments.of("DescribeBatchInferenceJob", "{\"batchInferenceJobArn\": \"" + BATCH_JOB + "\"}",
                        List.of(on("DescribeBatchInferenceJob", BATCH_JOB))),
                Arguments.of("ListBatchInferenceJobs", "{\"solutionVersionArn\": \"" + VERSION + "\"}",
                        List.of(on("ListBatchInferenceJobs", "*"))),
                Arguments.of("CreateFilter", "{\"name\": \"unwatched\", \"datasetGroupArn\": \"" + GROUP
                        + "\", \"filterExpression\": "
                        + "\"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\\\"Watch\\\")\"}",
                        List.of(on("CreateFilter", FILTER), on("CreateFilter", GROUP))),
                Arguments.of("DescribeSchema", "{\"schemaArn\": \"" + SCHEMA + "\"}",
                        List.of(on("DescribeSchema", SCHEMA))),
                Arguments.of("DeleteSchema", "{\"schemaArn\": \"" + SCHEMA + "\"}",
                        List.of(on("DeleteSchema", SCHEMA))),
                Arguments.of("DescribeDatasetGroup", "{\"datasetGroupArn\": \"" + GROUP + "\"}",
                        List.of(on("DescribeDatasetGroup", GROUP))),
                Arguments.of("DeleteDataset", "{\"datasetArn\": \"" + DATASET + "\"}",
                        List.of(on("DeleteDataset", DATASET))),
                Arguments.of("DescribeDatasetImportJob", "{\"datasetImportJobArn\": \"" + JOB + "\"}",
                        List.of(on("DescribeDatasetImportJob", JOB))),
                Arguments.of("DescribeSolutionVersion", "{\"solutionVersionArn\": \"" + VERSION + "\"}",
                        List.of(on("DescribeSolutionVersion", VERSION))),
                Arguments.of("DeleteCampaign", "{\"campaignArn\": \"" + CAMPAIGN + "\"}",
                        List.of(on("DeleteCampaign", CAMPAIGN))),
                Arguments.of("DescribeEventTracker", "{\"eventTrackerArn\": \"" + TRACKER + "\"}",
                        List.of(on("DescribeEventTracker", TRACKER))),
                Arguments.of("DeleteFilter", "{\"filterArn\": \"" + FILTER + "\"}",
                        List.of(on("DeleteFilter", FILTER))),
                Arguments.of("DescribeRecipe", "{\"recipeArn\": \"" + RECIPE + "\"}",
                        List.of(on("DescribeRecipe", RECIPE))),
                Arguments.of("UpdateDataset", "{\"datasetArn\": \"" + DATASET + "\", \"schemaArn\": \"" + SCHEMA
                        + "\"}", List.of(on("UpdateDataset", DATASET))),
                Arguments.of("UpdateCampaign", "{\"campaignArn\": \"" + CAMPAIGN + "\", \"solutionVersionArn\": \""
                        + VERSION + "\"}", List.of(on("UpdateCampaign", CAMPAIGN))),
                Arguments.of("GetSolutionMetrics", "{\"solutionVersionArn\": \"" + VERSION + "\"}",
                        List.of(on("GetSolutionMetrics", VERSION))),
                Arguments.of("StopSolutionVersionCreation", "{\"solutionVersionArn\": \"" + VERSION + "\"}",
                        List.of(on("StopSolutionVersionCreation", VERSION))),
                Arguments.of("TagResource", "{\"resourceArn\": \"" + CAMPAIGN + "\", \"tags\": []}",
                        List.of(on("TagResource", CAMPAIGN))),
                Arguments.of("ListSchemas", "{}", List.of(on("ListSchemas", "*"))),
                Arguments.of("ListDatasets", "{\"datasetGroupArn\": \"" + GROUP + "\"}",
                        List.of(on("ListDatasets", "*"))),
                Arguments.of("ListSolutionVersions", "{\"solutionArn\": \"" + SOLUTION + "\"}",
                        List.of(on("ListSolutionVersions", "*"))),
                Arguments.of("GetRecommendations", "{\"campaignArn\": \"" + CAMPAIGN + "\", \"userId\": \"u1\", "
                        + "\"filterArn\": \"" + FILTER + "\"}", List.of(on("GetRecommendations", CAMPAIGN))),
                Arguments.of("GetPersonalizedRanking", "{\"campaignArn\": \"" + CAMPAIGN + "\", \"userId\": \"u1\", "
                        + "\"inputList\": [\"i1\"]}", List.of(on("GetPersonalizedRanking", CAMPAIGN))),
                Arguments.of("PutEvents", "{\"trackingId\": \"0a1b2c3d-0000\", \"sessionId\": \"s\"}",
                        List.of(on("PutEvents", "*"))),
                Arguments.of("DescribeSchema", "{}", List.of()),
                Arguments.of("CreateDataset", "{\"name\": \"x\", \"schemaArn\": \"" + SCHEMA + "\"}", List.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void eachOperationIsAuthorisedOnItsResourcesArns(String operation, String body, List<Permission> expected) {
        assertThat(permissions.of(operation, json(body))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theNewResourcesArnsAreTheOnesTheEngineGivesThem() throws IOException {
        String group = active(engine.datasetGroups().create("movies", null, null, null));
        String schemaBody = "{\"name\": \"interactions\"}";
        assertThat(newArn("CreateSchema", schemaBody)).isEqualTo(engine.schemas().create("interactions",
                PersonalizeSchemas.load(DatasetType.INTERACTIONS).json(), null).arn());

        String datasetBody = "{\"name\": \"ds\", \"datasetGroupArn\": \"" + group + "\", \"datasetType\": "
                + "\"interactions\", \"schemaArn\": \"" + P + "schema/interactions\"}";
        String predictedDataset = newArn("CreateDataset", datasetBody);
        String dataset = active(engine.datasets().create("ds", group, "interactions", P + "schema/interactions"));
        assertThat(predictedDataset).isEqualTo(dataset);

        String jobBody = "{\"jobName\": \"first-import\", \"datasetArn\": \"" + dataset + "\", \"roleArn\": \""
                + ROLE + "\"}";
        assertThat(newArn("CreateDatasetImportJob", jobBody)).isEqualTo(engine.importJobs()
                .create("first-import", dataset, "s3://data/missing.csv", ROLE, null, false).arn());

        String solutionBody = "{\"name\": \"user\", \"datasetGroupArn\": \"" + group + "\"}";
        assertThat(newArn("CreateSolution", solutionBody)).isEqualTo(engine.solutions()
                .create(new Solutions.CreateRequest("user", group,
                        RECIPE, null, null, false, null, null, null)).arn());
    }

    /** The tracker's id is generated, so IAM must be asked about the ARN it will get, not one made from its name. */
    @Test
    void createEventTrackerIsAuthorisedOnTheArnTheTrackerThenGets() {
        String first = active(engine.datasetGroups().create("first", null, null, null));
        String second = active(engine.datasetGroups().create("second", null, null, null));
        // Other creates move the sequence the ids come from.
        engine.schemas().create("interactions", PersonalizeSchemas.load(DatasetType.INTERACTIONS).json(), null);

        for (String group : List.of(first, second)) {
            String name = "tracker-of-" + group.substring(group.lastIndexOf('/') + 1);
            List<Permission> needed = permissions.of("CreateEventTracker",
                    json("{\"name\": \"" + name + "\", \"datasetGroupArn\": \"" + group + "\"}"));
            String created = engine.eventTrackers().create(name, group).arn();

            assertThat(needed).containsExactlyInAnyOrder(on("CreateEventTracker", created),
                    on("CreateEventTracker", group));
            assertThat(created).startsWith(P + "event-tracker/").doesNotEndWith("/" + name);
        }
    }

    /** The resource among those {@code operation} needs that is of the new resource's type. */
    private String newArn(String operation, String body) {
        String type = switch (operation) {
            case "CreateSchema" -> "schema/";
            case "CreateDataset" -> "dataset/";
            case "CreateDatasetImportJob" -> "dataset-import-job/";
            case "CreateSolution" -> "solution/";
            default -> throw new IllegalArgumentException(operation);
        };
        return permissions.of(operation, json(body)).stream().map(Permission::resource)
                .filter(r -> r.startsWith(P + type)).findFirst().orElseThrow();
    }

    private static String active(Resource resource) {
        assertThat(LocalPersonalize.settled(resource::status, resource.arn())).isEqualTo("ACTIVE");
        return resource.arn();
    }

    // --- every operation served against IAM's own action and resource-type data ------------------------------

    /** A sample of every member that names a resource, by the member name the SDK's request shapes use. */
    private static final Map<String, String> SAMPLE_MEMBERS = Map.ofEntries(
            Map.entry("name", "movies"), Map.entry("jobName", "movies-interactions"),
            Map.entry("datasetType", "Interactions"), Map.entry("roleArn", ROLE),
            Map.entry("schemaArn", SCHEMA), Map.entry("datasetGroupArn", GROUP), Map.entry("datasetArn", DATASET),
            Map.entry("datasetImportJobArn", JOB), Map.entry("batchInferenceJobArn", BATCH_JOB),
            Map.entry("solutionArn", SOLUTION),
            Map.entry("solutionVersionArn", VERSION), Map.entry("campaignArn", CAMPAIGN),
            Map.entry("eventTrackerArn", TRACKER), Map.entry("filterArn", FILTER), Map.entry("recipeArn", RECIPE),
            Map.entry("resourceArn", CAMPAIGN), Map.entry("trackingId", "0a1b2c3d-0000"));

    private static final List<String> DATA_PLANE = List.of("GetRecommendations", "GetPersonalizedRanking",
            "PutEvents");

    static Stream<String> servedOperations() throws IOException {
        Set<String> all = new TreeSet<>();
        try (PersonalizeEngine engine = new PersonalizeEngine(settings(Files.createTempDirectory("s3")))) {
            all.addAll(new ControlPlane(engine).operations());
        }
        all.addAll(DATA_PLANE);
        return all.stream();
    }

    @Test
    void theCrossCheckCoversEveryOperationTheReadmeLists() throws IOException {
        assertThat(servedOperations().toList()).hasSizeGreaterThanOrEqualTo(47 + DATA_PLANE.size())
                .contains("CreateEventTracker", "CreateDatasetImportJob", "TagResource", "ListRecipes",
                        "CreateBatchInferenceJob", "DescribeBatchInferenceJob", "ListBatchInferenceJobs");
    }

    /**
     * For each operation, a request with the members the SDK's request shape has: what it needs must be actions IAM
     * knows on resources of a type each action takes (the simulator refuses anything else), all allowed by
     * personalize:* and iam:PassRole on "*".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servedOperations")
    void everyServedOperationNeedsOnlyWhatIamCanEvaluateAndAllowsWithPersonalizeStar(String operation) {
        ObjectNode body = sampleRequest(operation);
        List<Permission> needed = permissions.of(operation, body);

        assertThat(needed).as("%s %s", operation, body).isNotEmpty();
        assertThat(needed).filteredOn(p -> !p.action().equals("iam:PassRole")).extracting(Permission::action)
                .containsOnly("personalize:" + operation);
        // ListTagsForResource is the one List call IAM authorises on a resource.
        if (operation.startsWith("List") && !operation.equals("ListTagsForResource")
                || operation.equals("PutEvents")) {
            assertThat(needed).extracting(Permission::resource).containsOnly("*");
        }

        AccountIam iam = new AccountIam(ACCOUNT);
        String caller = "arn:aws:iam::" + ACCOUNT + ":role/operator";
        iam.putRole(caller, trust("lambda.amazonaws.com"), Map.of("Operate", policy(
                allow("personalize:*", "*"), """
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                 "Condition": {"StringEquals": {"iam:PassedToService": "personalize.amazonaws.com"}}}""")), List.of());
        Caller session = iam.caller(iam.assumeRole(caller, "operator").accessKeyId()).orElseThrow();
        Authorizer authorizer = new Authorizer(iam, IamSimulator.shared());
        List<String> refused = new ArrayList<>();
        for (Permission permission : needed) {
            PolicyDecision decision = authorizer.decide(session, permission.action(), permission.resource(),
                    permission.context());
            if (!decision.allowed()) {
                refused.add(permission + " -> " + decision);
            }
        }
        assertThat(refused).as("%s %s", operation, body).isEmpty();
    }

    private static ObjectNode sampleRequest(String operation) {
        ObjectNode body = (ObjectNode) json("{}");
        for (SdkField<?> field : requestShape(operation).sdkFields()) {
            String member = field.locationName();
            String sample = SAMPLE_MEMBERS.get(member);
            if (sample != null) {
                body.put(member, sample);
            }
        }
        return body;
    }

    private static SdkPojo requestShape(String operation) {
        String pkg = switch (operation) {
            case "GetRecommendations", "GetPersonalizedRanking" -> "personalizeruntime";
            case "PutEvents" -> "personalizeevents";
            default -> "personalize";
        };
        try {
            Class<?> type = Class.forName("software.amazon.awssdk.services." + pkg + ".model." + operation + "Request");
            return (SdkPojo) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) type.getMethod("builder")
                    .invoke(null)).build();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the AWS SDK has no request shape for " + operation
                    + ": is it a Personalize operation?", e);
        }
    }

    /** TagResource and ListTagsForResource take any taggable resource, which the simulator must accept. */
    @ParameterizedTest
    @ValueSource(strings = {GROUP, DATASET, JOB, BATCH_JOB, SOLUTION, VERSION, CAMPAIGN, TRACKER, FILTER})
    void taggingIsAuthorisedOnEveryTaggableResourceType(String resourceArn) {
        AccountIam iam = new AccountIam(ACCOUNT);
        Authorizer authorizer = new Authorizer(iam, IamSimulator.shared());
        Caller admin = iam.caller(iam.administrator().accessKeyId()).orElseThrow();

        for (String operation : List.of("TagResource", "UntagResource", "ListTagsForResource")) {
            List<Permission> needed = permissions.of(operation, json("{\"resourceArn\": \"" + resourceArn + "\"}"));
            assertThat(needed).containsExactly(on(operation, resourceArn));
            assertThat(authorizer.decide(admin, needed.get(0).action(), resourceArn, Map.of()).allowed()).isTrue();
        }
    }
}
