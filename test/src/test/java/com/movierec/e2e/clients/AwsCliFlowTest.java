package com.movierec.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI walks Personalize's getting-started flow against personalize-local enforcing IAM, with
 * {@code --endpoint-url} and the account administrator's key, one command per step as the Personalize documentation
 * shows them (the import reading the bucket through the service role it passes), waits by polling Describe, and
 * deletes in order; a key the account never issued, and the administrator's key signing with a wrong secret, are
 * refused as AWS refuses them. The server runs without delays: each poll is a CLI process.
 */
class AwsCliFlowTest {
    private static final String PERSONALIZE = "personalize";

    @TempDir
    Path s3;
    @TempDir
    Path scratch;

    @Test
    void theGettingStartedFlowRunsThroughTheAwsCliAndLeavesNothingBehind() {
        String missing = Processes.unavailable(List.of("aws", "--version"), scratch);
        if (missing != null) {
            System.out.println("AwsCliFlowTest skipped: " + missing);
        }
        assumeTrue(missing == null, () -> "the AWS CLI is not available: " + missing);

        String dataLocation = FlowData.write(s3);
        try (PersonalizeLocalServer server = PersonalizeLocalServer.start(EngineSettings.defaults(s3)
                .withDelays(Delays.NONE), 0)) {
            FlowAccount account = FlowAccount.enforcedOn(server, FlowData.BUCKET);
            AwsCli aws = new AwsCli(server.endpoint().toString(), ClientEnvironment.administrator(server, scratch,
                    account), scratch);
            String role = account.serviceRoleArn();
            long started = System.nanoTime();

            String schema = aws.call(PERSONALIZE, "create-schema", "--name", "cli-interactions",
                    "--schema", FlowData.SCHEMA).path("schemaArn").asText();
            String group = aws.call(PERSONALIZE, "create-dataset-group", "--name", "cli-group")
                    .path("datasetGroupArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-dataset-group", "--dataset-group-arn", group),
                    "/datasetGroup/status");
            String dataset = aws.call(PERSONALIZE, "create-dataset", "--name", "cli-interactions",
                    "--dataset-group-arn", group, "--dataset-type", "Interactions", "--schema-arn", schema)
                    .path("datasetArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-dataset", "--dataset-arn", dataset),
                    "/dataset/status");
            String job = aws.call(PERSONALIZE, "create-dataset-import-job", "--job-name", "cli-import",
                    "--dataset-arn", dataset, "--data-source", "dataLocation=" + dataLocation, "--role-arn", role)
                    .path("datasetImportJobArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-dataset-import-job",
                    "--dataset-import-job-arn", job), "/datasetImportJob/status");

            String solution = aws.call(PERSONALIZE, "create-solution", "--name", "cli-solution",
                    "--dataset-group-arn", group, "--no-perform-auto-training",
                    "--recipe-arn", "arn:aws:personalize:::recipe/aws-user-personalization-v2")
                    .path("solutionArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-solution", "--solution-arn", solution),
                    "/solution/status");
            String version = aws.call(PERSONALIZE, "create-solution-version", "--solution-arn", solution)
                    .path("solutionVersionArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-solution-version",
                    "--solution-version-arn", version), "/solutionVersion/status");
            String campaign = aws.call(PERSONALIZE, "create-campaign", "--name", "cli-campaign",
                    "--solution-version-arn", version, "--min-provisioned-tps", "1").path("campaignArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-campaign", "--campaign-arn", campaign),
                    "/campaign/status");

            JsonNode recommendations = aws.call("personalize-runtime", "get-recommendations", "--campaign-arn",
                    campaign, "--user-id", FlowData.userId(0), "--num-results", "10");
            assertThat(recommendations.path("itemList")).hasSize(10);

            JsonNode tracker = aws.call(PERSONALIZE, "create-event-tracker", "--name", "cli-tracker",
                    "--dataset-group-arn", group);
            String trackerArn = tracker.path("eventTrackerArn").asText();
            aws.awaitActive(cli -> cli.call(PERSONALIZE, "describe-event-tracker", "--event-tracker-arn",
                    trackerArn), "/eventTracker/status");
            aws.call("personalize-events", "put-events", "--tracking-id", tracker.path("trackingId").asText(),
                    "--user-id", FlowData.userId(0), "--session-id", "cli-session", "--event-list",
                    "[{\"eventType\": \"Watch\", \"itemId\": \"" + FlowData.itemId(FlowData.ITEMS - 1)
                            + "\", \"sentAt\": 1700000000}]");

            Processes.Result refused = aws.attempt(PERSONALIZE, "create-dataset-group", "--name", "not a name");
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.stderr()).contains("An error occurred (ValidationException) when calling the "
                    + "CreateDatasetGroup operation: 1 validation error detected: Value 'not a name' at 'name' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern");

            AwsCli stranger = new AwsCli(server.endpoint().toString(), ClientEnvironment.unknownKey(server, scratch),
                    scratch);
            Processes.Result unknownKey = stranger.attempt(PERSONALIZE, "create-dataset-group", "--name",
                    "cli-stranger");
            assertThat(unknownKey.exit()).isNotZero();
            assertThat(unknownKey.stderr()).contains("An error occurred (UnrecognizedClientException) when calling "
                    + "the CreateDatasetGroup operation: The security token included in the request is invalid.");

            AwsCli forger = new AwsCli(server.endpoint().toString(),
                    ClientEnvironment.wrongSecret(server, scratch, account), scratch);
            Processes.Result wrongSecret = forger.attempt(PERSONALIZE, "create-dataset-group", "--name",
                    "cli-forged");
            assertThat(wrongSecret.exit()).isNotZero();
            assertThat(wrongSecret.stderr()).contains("An error occurred (InvalidSignatureException) when calling the "
                    + "CreateDatasetGroup operation: " + FlowAccount.SIGNATURE_MISMATCH);

            aws.call(PERSONALIZE, "delete-campaign", "--campaign-arn", campaign);
            aws.awaitGone(PERSONALIZE, "describe-campaign", "--campaign-arn", campaign);
            aws.call(PERSONALIZE, "delete-event-tracker", "--event-tracker-arn", trackerArn);
            aws.awaitGone(PERSONALIZE, "describe-event-tracker", "--event-tracker-arn", trackerArn);
            aws.call(PERSONALIZE, "delete-solution", "--solution-arn", solution);
            aws.awaitGone(PERSONALIZE, "describe-solution", "--solution-arn", solution);
            aws.call(PERSONALIZE, "delete-dataset", "--dataset-arn", dataset);
            aws.awaitGone(PERSONALIZE, "describe-dataset", "--dataset-arn", dataset);
            aws.call(PERSONALIZE, "delete-dataset-group", "--dataset-group-arn", group);
            aws.awaitGone(PERSONALIZE, "describe-dataset-group", "--dataset-group-arn", group);
            aws.call(PERSONALIZE, "delete-schema", "--schema-arn", schema);
            aws.awaitGone(PERSONALIZE, "describe-schema", "--schema-arn", schema);

            System.out.printf("AWS CLI flow: %d commands, %.1f s%n", aws.calls(),
                    (System.nanoTime() - started) / 1e9);
            assertThat(server.engine().resources()).as("left behind").isEmpty();
        }
    }
}
