package com.movierec.e2e.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3, the AWS SDK for Python, walks Personalize's getting-started flow against personalize-local enforcing IAM,
 * with only {@code endpoint_url=} changed ({@code clients/boto3_flow.py}) and the account administrator's key:
 * everything it creates becomes ACTIVE (the import reading the bucket through the service role the flow passes),
 * the campaign recommends, PutEvents is accepted, a name against the model's pattern is refused with
 * ValidationException, a key the account never issued with UnrecognizedClientException and the administrator's key
 * signing with a wrong secret with InvalidSignatureException (400 on the control plane, 403 on the runtime), as boto3
 * reads them, and the deletes in order leave the engine empty.
 */
class Boto3FlowTest {
    @TempDir
    Path s3;
    @TempDir
    Path scratch;

    @Test
    void theGettingStartedFlowRunsThroughBoto3AndLeavesNothingBehind() throws Exception {
        String missing = Processes.unavailable(List.of("python3", "-c", "import boto3"), scratch);
        if (missing != null) {
            System.out.println("Boto3FlowTest skipped: " + missing);
        }
        assumeTrue(missing == null, () -> "boto3 is not available: " + missing);

        String dataLocation = FlowData.write(s3);
        Path schema = Files.writeString(scratch.resolve("schema.json"), FlowData.SCHEMA);
        try (PersonalizeLocalServer server = PersonalizeLocalServer.start(EngineSettings.defaults(s3)
                .withDelays(Delays.FAST), 0)) {
            FlowAccount account = FlowAccount.enforcedOn(server, FlowData.BUCKET);
            long started = System.nanoTime();
            Processes.Result result = Processes.run(List.of("python3", script().toString(),
                    "--endpoint-url", server.endpoint().toString(), "--schema-file", schema.toString(),
                    "--data-location", dataLocation, "--role-arn", account.serviceRoleArn(),
                    "--user-id", FlowData.userId(0), "--item-id", FlowData.itemId(FlowData.ITEMS - 1),
                    "--unknown-access-key-id", FlowAccount.UNKNOWN_ACCESS_KEY_ID,
                    "--unknown-secret-access-key", FlowAccount.UNKNOWN_SECRET_ACCESS_KEY,
                    "--wrong-secret-access-key", FlowAccount.WRONG_SECRET_ACCESS_KEY),
                    ClientEnvironment.administrator(server, scratch, account), scratch);
            System.out.printf("boto3 flow: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(result.exit()).as("boto3_flow.py: %s", result.stderr()).isZero();

            JsonNode seen = new ObjectMapper().readTree(result.stdout());
            assertThat(seen.path("region").asText()).isEqualTo(server.engine().settings().region());
            assertThat(seen.path("statuses").properties()).extracting(e -> e.getValue().asText())
                    .hasSize(7).containsOnly("ACTIVE");
            assertThat(seen.path("recommendations")).hasSize(10);
            assertThat(seen.path("putEvents").asText()).isEqualTo("ok");
            assertThat(seen.path("invalidName").path("code").asText()).isEqualTo("ValidationException");
            assertThat(seen.path("invalidName").path("status").asInt()).isEqualTo(400);
            assertThat(seen.path("invalidName").path("message").asText()).isEqualTo("1 validation error detected: "
                    + "Value 'not a name' at 'name' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
            assertThat(seen.path("unknownKey").path("code").asText()).isEqualTo("UnrecognizedClientException");
            assertThat(seen.path("unknownKey").path("status").asInt()).isEqualTo(400);
            assertThat(seen.path("unknownKey").path("message").asText())
                    .isEqualTo("The security token included in the request is invalid.");
            assertThat(seen.path("wrongSecret").path("code").asText()).isEqualTo("InvalidSignatureException");
            assertThat(seen.path("wrongSecret").path("status").asInt()).isEqualTo(400);
            assertThat(seen.path("wrongSecret").path("message").asText()).startsWith(FlowAccount.SIGNATURE_MISMATCH);
            assertThat(seen.path("wrongSecretRuntime").path("code").asText()).isEqualTo("InvalidSignatureException");
            assertThat(seen.path("wrongSecretRuntime").path("status").asInt()).isEqualTo(403);
            assertThat(seen.path("deleted")).extracting(JsonNode::asText).containsExactly("campaign",
                    "eventTracker", "solution", "dataset", "datasetGroup", "schema");
            assertThat(server.engine().resources()).as("left behind").isEmpty();
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(Boto3FlowTest.class.getResource("/clients/boto3_flow.py").toURI());
    }
}
