package com.movierec.local.personalize.bench;

import com.movierec.local.personalize.server.Provisioner;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * bench/local/serving.sh's setup, not a test: against a running personalize-local, deploys MovieLens 100K the way
 * the stacks do (schemas, dataset group, datasets, imports from local S3, aws-user-personalization-v2 trained,
 * a campaign and the unwatched filter), all through the real SDK, then writes the wrk script that asks that
 * campaign for every user in turn.
 *
 * <pre>ServingBenchSetup ENDPOINT PREPARED_DIR S3_ROOT LUA_OUT</pre>
 */
public final class ServingBenchSetup {
    private static final String BUCKET = "bench-data";

    private ServingBenchSetup() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ServingBenchSetup ENDPOINT PREPARED_DIR S3_ROOT LUA_OUT");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        Path prepared = Path.of(args[1]);
        Path s3Root = Path.of(args[2]);
        Path lua = Path.of(args[3]);
        String interactionsUri = upload(prepared.resolve("interactions.csv"), s3Root, "ml-100k/interactions.csv");
        String itemsUri = upload(prepared.resolve("items.csv"), s3Root, "ml-100k/items.csv");

        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (var http = UrlConnectionHttpClient.builder().build();
             PersonalizeClient personalize = PersonalizeClient.builder().httpClient(http).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).endpointOverride(endpoint).build();
             PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().httpClient(http)
                     .region(Region.US_EAST_1).credentialsProvider(credentials).endpointOverride(endpoint).build()) {
            Provisioner p = new Provisioner(personalize);
            String group = p.datasetGroup("bench-ml-100k");
            String interactions = p.dataset("bench-interactions", group, DatasetType.INTERACTIONS,
                    p.schema("bench-interactions", DatasetType.INTERACTIONS));
            String items = p.dataset("bench-items", group, DatasetType.ITEMS, p.schema("bench-items", DatasetType.ITEMS));
            require("interactions import", p.importData("bench-interactions", interactions, interactionsUri, "FULL"));
            require("items import", p.importData("bench-items", items, itemsUri, "FULL"));
            long started = System.nanoTime();
            String version = p.trainedVersion(p.solution("bench-user-personalization", group,
                    "aws-user-personalization-v2"));
            System.out.printf("trained aws-user-personalization-v2 on ml-100k in %.1f s (with offline metrics)%n",
                    (System.nanoTime() - started) / 1e9);
            String campaign = p.campaign("bench-user-personalization", version);
            p.eventTracker("bench-tracker", group);
            String filter = p.filter("bench-unwatched", group, "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")");

            System.out.println("user 1's top 5 unwatched: " + runtime.getRecommendations(r -> r.campaignArn(campaign)
                    .userId("1").numResults(5).filterArn(filter)).itemList().stream().map(i -> i.itemId()).toList());
            List<String> users = users(prepared.resolve("interactions.csv"));
            Files.writeString(lua, luaScript(campaign, filter, users), StandardCharsets.UTF_8);
            System.out.println("wrote " + lua + ": GetRecommendations for " + users.size() + " users in turn, "
                    + "25 results, unwatched filter");
        }
    }

    private static String upload(Path file, Path s3Root, String key) throws IOException {
        Path target = s3Root.resolve(BUCKET).resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return "s3://" + BUCKET + "/" + key;
    }

    private static void require(String what, String status) {
        if (!"ACTIVE".equals(status)) {
            throw new IllegalStateException(what + " ended " + status);
        }
    }

    private static List<String> users(Path interactions) throws IOException {
        try (Stream<String> lines = Files.lines(interactions)) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).distinct().sorted().toList();
        }
    }

    /** One request body per user, built once; each wrk connection walks through them in turn. */
    private static String luaScript(String campaign, String filter, List<String> users) {
        String bodies = users.stream()
                .map(u -> "  '{\"campaignArn\":\"" + campaign + "\",\"userId\":\"" + u
                        + "\",\"numResults\":25,\"filterArn\":\"" + filter + "\"}'")
                .collect(Collectors.joining(",\n"));
        return """
                -- Generated by com.movierec.local.personalize.bench.ServingBenchSetup: GetRecommendations (personalize-runtime's
                -- POST /recommendations) for every MovieLens 100K user in turn.
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local bodies = {
                %s
                }
                local next = 0
                request = function()
                  next = next %% #bodies + 1
                  return wrk.format(nil, "/recommendations", nil, bodies[next])
                end
                """.formatted(bodies);
    }
}
