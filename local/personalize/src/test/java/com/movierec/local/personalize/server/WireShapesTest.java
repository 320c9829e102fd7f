package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignResponse;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupResponse;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetImportJobResponse;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetResponse;
import software.amazon.awssdk.services.personalize.model.DescribeEventTrackerResponse;
import software.amazon.awssdk.services.personalize.model.DescribeFilterResponse;
import software.amazon.awssdk.services.personalize.model.DescribeRecipeResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionResponse;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionResponse;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsResponse;
import software.amazon.awssdk.services.personalize.model.ListCampaignsResponse;
import software.amazon.awssdk.services.personalize.model.ListDatasetGroupsResponse;
import software.amazon.awssdk.services.personalize.model.ListDatasetImportJobsResponse;
import software.amazon.awssdk.services.personalize.model.ListDatasetsResponse;
import software.amazon.awssdk.services.personalize.model.ListEventTrackersResponse;
import software.amazon.awssdk.services.personalize.model.ListFiltersResponse;
import software.amazon.awssdk.services.personalize.model.ListRecipesResponse;
import software.amazon.awssdk.services.personalize.model.ListSchemasResponse;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsResponse;
import software.amazon.awssdk.services.personalize.model.ListSolutionsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;

/**
 * Every member the server writes is one the SDK's model knows, spelled as the model spells it: the SDK ignores
 * unknown members, so a typo would otherwise pass every other test as a silently missing value. Reads the raw
 * JSON of each response and walks it against the SDK's own field metadata.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireShapesTest {
    @TempDir
    static Path s3;

    private LocalPersonalize local;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> arns = new java.util.HashMap<>();

    @BeforeAll
    void deploy() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        Provisioner p = new Provisioner(local);
        arns.put("schema", p.schema("interactions", DatasetType.INTERACTIONS));
        arns.put("group", p.datasetGroup("group"));
        arns.put("dataset", p.dataset("interactions", arns.get("group"), DatasetType.INTERACTIONS, arns.get("schema")));
        p.importData("job", arns.get("dataset"), local.upload("bucket", "i.csv", MovieData.interactionsCsv(60)), "FULL");
        arns.put("job", local.personalize.listDatasetImportJobs(r -> { }).datasetImportJobs().get(0).datasetImportJobArn());
        arns.put("solution", p.solution("ranking", arns.get("group"), "aws-personalized-ranking-v2"));
        arns.put("version", p.trainedVersion(arns.get("solution")));
        arns.put("campaign", p.campaign("ranking", arns.get("version")));
        local.personalize.updateCampaign(r -> r.campaignArn(arns.get("campaign")).minProvisionedTPS(2));
        local.personalize.updateSolution(r -> r.solutionArn(arns.get("solution")).performAutoTraining(true));
        arns.put("tracker", p.eventTracker("tracker", arns.get("group")).eventTrackerArn());
        arns.put("filter", p.filter("unwatched", arns.get("group"),
                "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")"));
        arns.put("popular", p.campaign("popular", p.trainedVersion(p.solution("popular", arns.get("group"),
                "aws-popularity-count"))));
    }

    @AfterAll
    void stop() {
        local.close();
    }

    @Test
    void controlPlaneAnswersUseOnlyMembersOfThePersonalizeModel() throws Exception {
        List<String> unknown = new ArrayList<>();
        check(unknown, "DescribeSchema", "{\"schemaArn\": \"" + arns.get("schema") + "\"}", DescribeSchemaResponse::builder);
        check(unknown, "DescribeDatasetGroup", "{\"datasetGroupArn\": \"" + arns.get("group") + "\"}",
                DescribeDatasetGroupResponse::builder);
        check(unknown, "DescribeDataset", "{\"datasetArn\": \"" + arns.get("dataset") + "\"}", DescribeDatasetResponse::builder);
        check(unknown, "DescribeDatasetImportJob", "{\"datasetImportJobArn\": \"" + arns.get("job") + "\"}",
                DescribeDatasetImportJobResponse::builder);
        check(unknown, "DescribeSolution", "{\"solutionArn\": \"" + arns.get("solution") + "\"}",
                DescribeSolutionResponse::builder);
        check(unknown, "DescribeSolutionVersion", "{\"solutionVersionArn\": \"" + arns.get("version") + "\"}",
                DescribeSolutionVersionResponse::builder);
        check(unknown, "GetSolutionMetrics", "{\"solutionVersionArn\": \"" + arns.get("version") + "\"}",
                GetSolutionMetricsResponse::builder);
        check(unknown, "DescribeCampaign", "{\"campaignArn\": \"" + arns.get("campaign") + "\"}",
                DescribeCampaignResponse::builder);
        check(unknown, "DescribeEventTracker", "{\"eventTrackerArn\": \"" + arns.get("tracker") + "\"}",
                DescribeEventTrackerResponse::builder);
        check(unknown, "DescribeFilter", "{\"filterArn\": \"" + arns.get("filter") + "\"}", DescribeFilterResponse::builder);
        check(unknown, "DescribeRecipe", "{\"recipeArn\": \"arn:aws:personalize:::recipe/aws-sims\"}",
                DescribeRecipeResponse::builder);
        check(unknown, "ListSchemas", "{}", ListSchemasResponse::builder);
        check(unknown, "ListDatasetGroups", "{}", ListDatasetGroupsResponse::builder);
        check(unknown, "ListDatasets", "{}", ListDatasetsResponse::builder);
        check(unknown, "ListDatasetImportJobs", "{}", ListDatasetImportJobsResponse::builder);
        check(unknown, "ListSolutions", "{}", ListSolutionsResponse::builder);
        check(unknown, "ListSolutionVersions", "{}", ListSolutionVersionsResponse::builder);
        check(unknown, "ListCampaigns", "{\"maxResults\": 1}", ListCampaignsResponse::builder);
        check(unknown, "ListEventTrackers", "{}", ListEventTrackersResponse::builder);
        check(unknown, "ListFilters", "{}", ListFiltersResponse::builder);
        check(unknown, "ListRecipes", "{}", ListRecipesResponse::builder);
        assertThat(unknown).isEmpty();
    }

    @Test
    void runtimeAnswersUseOnlyMembersOfTheRuntimeModel() throws Exception {
        List<String> unknown = new ArrayList<>();
        JsonNode recommendations = post("/recommendations", null, "{\"campaignArn\": \"" + arns.get("popular") + "\"}");
        walk(recommendations, GetRecommendationsResponse.builder(), "GetRecommendations", unknown);
        JsonNode ranking = post("/personalize-ranking", null, "{\"campaignArn\": \"" + arns.get("campaign")
                + "\", \"userId\": \"u01\", \"inputList\": [\"s01\", \"r01\"]}");
        walk(ranking, GetPersonalizedRankingResponse.builder(), "GetPersonalizedRanking", unknown);
        assertThat(unknown).isEmpty();
        assertThat(recommendations.path("itemList")).isNotEmpty();
        assertThat(ranking.path("personalizedRanking")).hasSize(2);
    }

    private void check(List<String> unknown, String operation, String body, Supplier<? extends SdkPojo> builder)
            throws IOException, InterruptedException {
        JsonNode answer = post("/", "AmazonPersonalize." + operation, body);
        assertThat(answer.size()).as(operation + " answered something").isPositive();
        walk(answer, builder.get(), operation, unknown);
    }

    /** Adds to {@code unknown} every member of {@code node} that {@code shape} has no field for. */
    private static void walk(JsonNode node, SdkPojo shape, String path, List<String> unknown) {
        Map<String, SdkField<?>> fields = shape.sdkFields().stream()
                .collect(Collectors.toMap(SdkField::locationName, f -> f));
        node.properties().forEach(member -> {
            SdkField<?> field = fields.get(member.getKey());
            String at = path + "." + member.getKey();
            if (field == null) {
                unknown.add(at);
            } else if (field.marshallingType() == MarshallingType.SDK_POJO) {
                walk(member.getValue(), field.constructor().get(), at, unknown);
            } else if (field.marshallingType() == MarshallingType.LIST) {
                SdkField<?> element = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                if (element.marshallingType() == MarshallingType.SDK_POJO) {
                    member.getValue().forEach(e -> walk(e, element.constructor().get(), at + "[]", unknown));
                }
            }
        });
    }

    private JsonNode post(String path, String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local.server.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + target + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
