package com.movierec.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaResponse;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;

/** The real SDK client the no-argument constructors build, against a Personalize stand-in on 127.0.0.1. */
class AwsClientsTest {
    private static final String SCHEMA = "arn:aws:personalize:us-east-1:123456789012:schema/movierec-dev-interactions";

    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer personalize;
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void startPersonalize() throws Exception {
        personalize = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        personalize.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        personalize.start();
    }

    @AfterEach
    void stopPersonalize() {
        personalize.stop(0);
    }

    @Test
    void sendsPersonalizeCallsToTheEndpointOverrideInTheLambdasRegion() {
        status = 200;
        answer = "{\"schema\": {\"schemaArn\": \"" + SCHEMA + "\", \"name\": \"movierec-dev-interactions\"}}";

        try (PersonalizeClient client = AwsClients.configure(PersonalizeClient.builder(), endpoint()).build()) {
            DescribeSchemaResponse response = client.describeSchema(DescribeSchemaRequest.builder().schemaArn(SCHEMA).build());

            assertThat(response.schema().name()).isEqualTo("movierec-dev-interactions");
        }
        assertThat(targets).containsExactly("AmazonPersonalize.DescribeSchema");
        assertThat(authorizations.get(0)).contains("/us-east-1/personalize/aws4_request");
    }

    @Test
    void leavesRetriesToTheLifecyclesOwnPolicy() {
        status = 400;
        answer = "{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}";

        try (PersonalizeClient client = AwsClients.configure(PersonalizeClient.builder(), endpoint()).build()) {
            assertThatThrownBy(() -> client.describeSchema(DescribeSchemaRequest.builder().schemaArn(SCHEMA).build()))
                    .isInstanceOfSatisfying(PersonalizeException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
        }
        assertThat(targets).as("one attempt: Retry, not the SDK, decides").hasSize(1);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + personalize.getAddress().getPort();
    }
}
