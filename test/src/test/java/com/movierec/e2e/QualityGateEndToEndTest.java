package com.movierec.e2e;

import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.e2e.support.ApiDataLayerFiles;
import com.movierec.e2e.support.FreshEngineTest;
import com.movierec.e2e.support.LocalApi;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.testing.GeneratedMovieData;
import com.movierec.local.deployer.testing.SynthesizedDev;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.model.Campaign;

/**
 * The quality gate deployed locally through the real templates and handlers. The stage is first deployed on data with
 * a learnable structure (taste clusters: user personalization's NDCG@10 is high), then:
 * <ul>
 *   <li>updated with new data that is noise, under a gate with maxRegression: every slot retrains, user
 *       personalization's new version falls far below the served one, the update fails naming the metric, the new
 *       value, the served value and the allowed drop, the stack rolls back and every campaign still serves its old
 *       version while the API answers;</li>
 *   <li>updated with a gate the served version cannot meet (a deliberately bad configuration): the same version is
 *       re-checked without retraining, the update fails naming the metric, its value and the minimum, and rolls
 *       back;</li>
 * </ul>
 * and a first deploy whose version misses a minimum rolls back to nothing (there is no campaign to compare with yet,
 * so only the minimum is reported). Each ends with an empty engine.
 */
class QualityGateEndToEndTest extends FreshEngineTest {
    private static final String NDCG = "normalized_discounted_cumulative_gain_at_10";
    private static final String PRECISION = "precision_at_10";
    private static final String METRICS_TYPE = "Custom::PersonalizeSolutionMetrics";
    private static final String GATED_METRICS = "UserPersonalizationVersionMetrics";
    private static final List<String> SLOTS = List.of("UserPersonalization", "RelatedItems", "Popularity", "Ranking");
    /** Against regression only: a minimum of 0, and at most 10% below the served version. */
    private static final Map<String, Object> REGRESSION_GATE = Map.of("userPersonalization",
            Map.of("minimums", Map.of(NDCG, 0), "maxRegression", 0.1));

    @TempDir
    static Path data;
    private static Path tasteClusters;
    private static Path noise;

    @BeforeAll
    static void writeData() throws IOException {
        tasteClusters = interactions(data.resolve("taste-clusters"), true);
        noise = interactions(data.resolve("noise"), false);
    }

    @Test
    void aRetrainedVersionThatRegressesBeyondMaxRegressionFailsTheUpdateAndTheOldVersionKeepsServing() {
        CloudAssembly good = SynthesizedDev.withQualityGate(REGRESSION_GATE, tasteClusters);
        DeployOptions options = engine.options(listener);
        Map<String, String> campaigns = campaignArns(deployer.deploy(good, SynthesizedDev.STAGE, options));
        Map<String, String> servedBefore = servedVersions(campaigns);
        double servedNdcg = metrics(servedBefore.get("UserPersonalization")).get(NDCG);
        assertThat(servedNdcg).as("the taste clusters are learnable").isGreaterThan(0.5);

        try (LocalApiServer server = serve(good)) {
            LocalApi api = new LocalApi(server.endpoint());
            assertThat(api.get("/users/7/recommendations?count=5").status()).isEqualTo(200);
            listener.clear();

            DeploymentFailedException failure = catchDeployFailure(SynthesizedDev.withQualityGate(REGRESSION_GATE,
                    noise), options, ResourceStatus.UPDATE_ROLLBACK_COMPLETE);

            Matcher sentence = Pattern.compile("metric " + NDCG + " is (\\d\\.\\d+), (\\d+\\.\\d+)% below the served "
                    + "version's (\\d\\.\\d+) \\(" + Pattern.quote(versionName(servedBefore.get("UserPersonalization")))
                    + "\\), more than the 10\\.0% allowed \\(at least (\\d\\.\\d+)\\)").matcher(failure.getMessage());
            assertThat(sentence.find()).as(failure.getMessage()).isTrue();
            String newVersion = newVersion(failure, servedBefore.get("UserPersonalization"));
            double newNdcg = metrics(newVersion).get(NDCG);
            assertThat(Double.parseDouble(sentence.group(1))).isCloseTo(newNdcg, within(0.00005));
            assertThat(Double.parseDouble(sentence.group(3))).isCloseTo(servedNdcg, within(0.00005));
            assertThat(Double.parseDouble(sentence.group(4))).isCloseTo(0.9 * servedNdcg, within(0.00005));
            assertThat(Double.parseDouble(sentence.group(2))).isGreaterThan(10)
                    .isCloseTo(100 * (servedNdcg - newNdcg) / servedNdcg, within(0.05));
            assertThat(failure.getMessage()).as("a minimum of 0 is met").doesNotContain("below the minimum");

            assertThat(servedVersions(campaigns)).as("every campaign serves the version it served")
                    .isEqualTo(servedBefore);
            assertThat(listener.steps(PERSONALIZE)).as("the gated slot's campaign was never touched")
                    .noneMatch(step -> step.startsWith("UserPersonalizationCampaign"));
            Campaign campaign = describe(campaigns.get("UserPersonalization"));
            assertThat(campaign.status()).isEqualTo("ACTIVE");
            assertThat(campaign.latestCampaignUpdate()).as("no UpdateCampaign was ever sent").isNull();
            assertThat(api.get("/users/7/recommendations?count=5")).satisfies(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.movieIds()).hasSize(5);
            });
        }
        deployer.destroy(good, SynthesizedDev.STAGE, options);
        assertThat(admin.resources()).isEmpty();
        assertThat(engine.s3Files()).isEmpty();
    }

    @Test
    void aGateTheServedVersionCannotMeetFailsTheUpdateWithoutRetrainingAndRollsBack() {
        CloudAssembly passing = SynthesizedDev.withQualityGate(Map.of("userPersonalization",
                Map.of("minimums", Map.of(PRECISION, 0.1))), tasteClusters);
        DeployOptions options = engine.options(listener);
        Map<String, String> campaigns = campaignArns(deployer.deploy(passing, SynthesizedDev.STAGE, options));
        Map<String, String> servedBefore = servedVersions(campaigns);
        double precision = metrics(servedBefore.get("UserPersonalization")).get(PRECISION);
        List<String> versionsBefore = versionArns();

        try (LocalApiServer server = serve(passing)) {
            LocalApi api = new LocalApi(server.endpoint());
            listener.clear();

            DeploymentFailedException failure = catchDeployFailure(SynthesizedDev.withQualityGate(Map.of(
                    "userPersonalization", Map.of("minimums", Map.of(PRECISION, 0.99))), tasteClusters), options,
                    ResourceStatus.UPDATE_ROLLBACK_COMPLETE);

            assertThat(failure.getMessage()).contains(METRICS_TYPE + " " + versionName(
                    servedBefore.get("UserPersonalization")) + ": metric " + PRECISION + " is ")
                    .contains(", below the minimum 0.99 for this environment");
            Matcher value = Pattern.compile(PRECISION + " is (\\d\\.\\d+),").matcher(failure.getMessage());
            assertThat(value.find()).isTrue();
            assertThat(Double.parseDouble(value.group(1))).isCloseTo(precision, within(0.00005));
            assertThat(listener.reached(PERSONALIZE, ResourceStatus.UPDATE_IN_PROGRESS))
                    .as("only the metrics resource is updated, and back").allMatch(id -> id.startsWith(GATED_METRICS))
                    .hasSize(2);
            assertThat(versionArns()).as("a new gate re-checks the served version, it trains nothing")
                    .isEqualTo(versionsBefore);
            assertThat(servedVersions(campaigns)).isEqualTo(servedBefore);
            assertThat(api.get("/users/7/recommendations?count=5").status()).isEqualTo(200);
        }
        deployer.destroy(passing, SynthesizedDev.STAGE, options);
        assertThat(admin.resources()).isEmpty();
    }

    @Test
    void aFirstDeployWhoseVersionMissesAMinimumRollsBackToNothingWithoutAServedVersionToCompare() {
        Map<String, Object> gate = Map.of("userPersonalization",
                Map.of("minimums", Map.of(NDCG, 0.05), "maxRegression", 0.1));
        DeployOptions options = engine.options(listener);

        DeploymentFailedException failure = catchDeployFailure(SynthesizedDev.withQualityGate(gate, noise), options,
                ResourceStatus.ROLLBACK_COMPLETE);

        Matcher value = Pattern.compile("metric " + NDCG + " is (\\d\\.\\d+), below the minimum 0\\.05 for this "
                + "environment").matcher(failure.getMessage());
        assertThat(value.find()).as(failure.getMessage()).isTrue();
        assertThat(Double.parseDouble(value.group(1))).isLessThan(0.05);
        assertThat(failure.getMessage()).as("no campaign yet, so nothing to regress from").doesNotContain("served");
        assertThat(listener.reached(PERSONALIZE, ResourceStatus.CREATE_IN_PROGRESS))
                .noneMatch(id -> id.startsWith("UserPersonalizationCampaign"));
        assertThat(admin.resources()).isEmpty();
    }

    /** Deploys {@code assembly}, which must fail at the gated metrics resource and end in {@code finalStatus}. */
    private DeploymentFailedException catchDeployFailure(CloudAssembly assembly, DeployOptions options,
                                                         ResourceStatus finalStatus) {
        List<DeploymentFailedException> caught = new ArrayList<>();
        assertThatThrownBy(() -> deployer.deploy(assembly, SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.logicalId()).startsWith(GATED_METRICS);
                    assertThat(e.resourceType()).isEqualTo(METRICS_TYPE);
                    assertThat(e.finalStatus()).isEqualTo(finalStatus);
                    assertThat(e.rollbackProblems()).isEmpty();
                    caught.add(e);
                });
        return caught.get(0);
    }

    private LocalApiServer serve(CloudAssembly assembly) {
        ApiDataLayerFiles layer = ApiDataLayerFiles.of(assembly);
        return LocalApiServer.start(engine.apiCredentials(), deployer.deployedApiEnvironment(), engine.server.endpoint(), layer.itemsCsv(),
                layer.knownUsers(), SynthesizedDev.STAGE, 0);
    }

    /** Slot (its construct id) to campaign ARN, from the Personalize stack's outputs. */
    private static Map<String, String> campaignArns(StageDeployment deployment) {
        Map<String, String> outputs = deployment.stack(PERSONALIZE).outputValues();
        Map<String, String> campaigns = new LinkedHashMap<>();
        SLOTS.forEach(slot -> campaigns.put(slot, outputs.get(slot + "CampaignArn")));
        assertThat(campaigns.values()).doesNotContainNull();
        return campaigns;
    }

    /** Slot to the solution version its campaign serves, through DescribeCampaign. */
    private Map<String, String> servedVersions(Map<String, String> campaigns) {
        Map<String, String> served = new LinkedHashMap<>();
        campaigns.forEach((slot, arn) -> served.put(slot, describe(arn).solutionVersionArn()));
        return served;
    }

    private Campaign describe(String campaignArn) {
        return engine.personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign();
    }

    private Map<String, Double> metrics(String solutionVersionArn) {
        return engine.personalize.getSolutionMetrics(r -> r.solutionVersionArn(solutionVersionArn)).metrics();
    }

    /** Every solution version of every solution, sorted. */
    private List<String> versionArns() {
        List<String> arns = new ArrayList<>();
        engine.personalize.listSolutions(r -> r.maxResults(100)).solutions().forEach(solution ->
                engine.personalize.listSolutionVersions(r -> r.solutionArn(solution.solutionArn()).maxResults(100))
                        .solutionVersions().forEach(version -> arns.add(version.solutionVersionArn())));
        Collections.sort(arns);
        return arns;
    }

    /**
     * The ARN of the version the failure names ({@code Custom::PersonalizeSolutionMetrics <solution>/<id>: ...}), in
     * the account and region of {@code anotherVersionArn}.
     */
    private static String newVersion(DeploymentFailedException failure, String anotherVersionArn) {
        Matcher name = Pattern.compile(METRICS_TYPE + " (movierec-dev-[a-z0-9-]+/[a-z0-9]+):").matcher(failure.reason());
        assertThat(name.find()).as(failure.reason()).isTrue();
        return anotherVersionArn.substring(0, anotherVersionArn.indexOf(":solution/") + ":solution/".length())
                + name.group(1);
    }

    /** {@code movierec-dev-user-personalization-1a2b3c4d/4f5e6d7c}: the solution version ARN's resource part. */
    private static String versionName(String solutionVersionArn) {
        return solutionVersionArn.substring(solutionVersionArn.indexOf(":solution/") + ":solution/".length());
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    /**
     * GeneratedMovieData's movies and users with other interactions, 30 per user, 1,200 in all (above Personalize's
     * minimums). {@code learnable}: four taste clusters of 25 movies each; a user watches 5 movies of other clusters,
     * then every movie of their own in a random order, so a user's newest movies (what the offline metrics hold out)
     * are the rest of their cluster. Otherwise each user watches 30 movies drawn at random: nothing to learn. Seeded.
     */
    private static Path interactions(Path dir, boolean learnable) throws IOException {
        GeneratedMovieData.write(dir);
        Random random = new Random(7);
        List<String> rows = new ArrayList<>();
        rows.add(String.join(",", PersonalizeSchemas.load(DatasetType.INTERACTIONS).columns()));
        for (int user = 1; user <= GeneratedMovieData.USERS; user++) {
            List<Integer> own = new ArrayList<>();
            List<Integer> other = new ArrayList<>();
            for (int movie = 1; movie <= GeneratedMovieData.ITEMS; movie++) {
                (learnable && (movie - 1) / 25 == user % 4 ? own : other).add(movie);
            }
            Collections.shuffle(other, random);
            Collections.shuffle(own, random);
            int others = GeneratedMovieData.WATCHED_PER_USER - own.size();
            List<Integer> watched = new ArrayList<>(other.subList(0, others));
            watched.addAll(own);
            long time = 880_000_000L + user * 100_000L;
            for (int movie : watched) {
                rows.add(user + "," + movie + "," + (time += 60) + ",Watch,4.0");
            }
        }
        Files.writeString(dir.resolve(DatasetType.INTERACTIONS.csvFileName()), String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }
}
