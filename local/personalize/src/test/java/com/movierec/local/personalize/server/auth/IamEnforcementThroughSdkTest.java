package com.movierec.local.personalize.server.auth;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.deny;
import static com.movierec.local.personalize.iam.PolicyDocuments.json;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static com.movierec.local.personalize.iam.PolicyDocuments.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.iam.AccessLog;
import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.iam.SessionCredentials;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import com.movierec.local.personalize.server.Provisioner;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/**
 * personalize-local with IAM enforced, driven by the real SDK v2 clients signing with the credentials AccountIam
 * issued: who is recognised, who is allowed, and AWS's error types, statuses and messages when not.
 */
class IamEnforcementThroughSdkTest {
    private static final String ACCOUNT = EngineSettings.DEFAULT_ACCOUNT;
    private static final String P = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/recommender-fn";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/recommender-fn/handler";
    private static final String SERVICE_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/personalize-service";

    @TempDir
    Path s3;

    private PersonalizeLocalServer server;
    private AccountIam iam;
    private Authorizer authorizer;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private Clients admin;

    /** The three SDK clients signing with one set of credentials; they do not retry. */
    private record Clients(PersonalizeClient personalize, PersonalizeRuntimeClient runtime,
                           PersonalizeEventsClient events) implements AutoCloseable {
        @Override
        public void close() {
            personalize.close();
            runtime.close();
            events.close();
        }
    }

    @BeforeEach
    void start() {
        server = PersonalizeLocalServer.start(EngineSettings.defaults(s3).withDelays(Delays.NONE), 0);
        iam = new AccountIam(ACCOUNT);
        authorizer = new Authorizer(iam, IamSimulator.shared());
        server.engine().enforceIam(authorizer);
        SessionCredentials administrator = iam.administrator();
        admin = clients(AwsBasicCredentials.create(administrator.accessKeyId(), administrator.secretAccessKey()));
    }

    @AfterEach
    void stop() {
        admin.close();
        http.close();
        server.close();
    }

    private Clients clients(AwsCredentials credentials) {
        var provider = StaticCredentialsProvider.create(credentials);
        URI endpoint = server.endpoint();
        return new Clients(
                PersonalizeClient.builder().httpClient(http).region(Region.US_EAST_1).credentialsProvider(provider)
                        .endpointOverride(endpoint)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build(),
                PersonalizeRuntimeClient.builder().httpClient(http).region(Region.US_EAST_1)
                        .credentialsProvider(provider).endpointOverride(endpoint)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build(),
                PersonalizeEventsClient.builder().httpClient(http).region(Region.US_EAST_1)
                        .credentialsProvider(provider).endpointOverride(endpoint)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
    }

    /** A session of {@link #ROLE} whose only policy is {@code document}, as Lambda's STS would hand the function. */
    private Clients roleSession(JsonNode document) {
        iam.putRole(ROLE, trust("lambda.amazonaws.com"), Map.of("Inline", document), List.of());
        SessionCredentials session = iam.assumeRole(ROLE, "handler");
        return clients(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken()));
    }

    private static String denial(String action, String resource) {
        return "User: " + SESSION + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }

    // --- authentication ----------------------------------------------------------------------------------------

    @Test
    void aKeyLocalModeNeverIssuedIsUnrecognizedOnEveryApi() {
        try (Clients stranger = clients(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))) {
            PersonalizeException control = catchThrowableOfType(PersonalizeException.class,
                    () -> stranger.personalize().listSchemas(r -> { }));
            assertThat(control.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(control.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
            assertThat(control.statusCode()).isEqualTo(400);

            PersonalizeEventsException events = catchThrowableOfType(PersonalizeEventsException.class,
                    () -> stranger.events().putEvents(r -> r.trackingId("t").sessionId("s")
                            .eventList(e -> e.eventType("Watch").itemId("i1").sentAt(Instant.now()))));
            assertThat(events.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(events.statusCode()).isEqualTo(403);

            PersonalizeRuntimeException runtime = catchThrowableOfType(PersonalizeRuntimeException.class,
                    () -> stranger.runtime().getRecommendations(r -> r.campaignArn(P + "campaign/c").userId("u1")));
            assertThat(runtime.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(runtime.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void theAdministratorsCredentialsCanDoEverything() {
        String schema = admin.personalize().createSchema(r -> r.name("interactions")
                .schema(PersonalizeSchemas.load(DatasetType.INTERACTIONS).json())).schemaArn();

        assertThat(admin.personalize().describeSchema(r -> r.schemaArn(schema)).schema().name())
                .isEqualTo("interactions");
        assertThat(admin.personalize().listSchemas(r -> { }).schemas()).hasSize(1);
        assertThat(authorizer.log().denied()).isEmpty();
        assertThat(authorizer.log().calls().keySet()).extracting(AccessLog.Call::action)
                .contains("personalize:CreateSchema", "personalize:DescribeSchema", "personalize:ListSchemas");
    }

    // --- authorisation -----------------------------------------------------------------------------------------

    @Test
    void aRoleWithoutCreateSchemaIsDeniedWithAwsSentenceAndNothingIsCreated() {
        try (Clients reader = roleSession(policy(allow("personalize:DescribeSchema", "*"),
                allow("personalize:ListSchemas", "*")))) {
            PersonalizeException denied = catchThrowableOfType(PersonalizeException.class,
                    () -> reader.personalize().createSchema(r -> r.name("movies")
                            .schema(PersonalizeSchemas.load(DatasetType.INTERACTIONS).json())));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(400);
            assertThat(denied.awsErrorDetails().errorMessage())
                    .isEqualTo(denial("personalize:CreateSchema", P + "schema/movies"));
            assertThat(reader.personalize().listSchemas(r -> { }).schemas()).isEmpty();
            assertThat(server.engine().resources()).isEmpty();
        }
    }

    @Test
    void putEventsAllowedOnlyOnTheTrackerArnIsDeniedOnStarWith403() {
        Provisioner provisioner = new Provisioner(admin.personalize());
        var tracker = provisioner.eventTracker("events", provisioner.datasetGroup("movies"));

        try (Clients writer = roleSession(policy(allow("personalize:PutEvents", tracker.eventTrackerArn())))) {
            PersonalizeEventsException denied = catchThrowableOfType(PersonalizeEventsException.class,
                    () -> putEvent(writer, tracker.trackingId()));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo(denial("personalize:PutEvents", "*"));
        }
    }

    @Test
    void putEventsAllowedOnStarSucceeds() {
        Provisioner provisioner = new Provisioner(admin.personalize());
        var tracker = provisioner.eventTracker("events", provisioner.datasetGroup("movies"));

        try (Clients writer = roleSession(policy(allow("personalize:PutEvents", "*")))) {
            assertThatCode(() -> putEvent(writer, tracker.trackingId())).doesNotThrowAnyException();
        }
        assertThat(authorizer.log().calls()).containsKey(
                new AccessLog.Call(ROLE, "personalize:PutEvents", "*", true, null));
    }

    private static void putEvent(Clients clients, String trackingId) {
        clients.events().putEvents(r -> r.trackingId(trackingId).userId("u1").sessionId("session-1")
                .eventList(e -> e.eventType("Watch").itemId("i1").sentAt(Instant.ofEpochSecond(1_700_000_000))));
    }

    @Test
    void getRecommendationsWithoutPermissionIsDeniedOnTheCampaignWith403() {
        String campaign = P + "campaign/movies";
        try (Clients other = roleSession(policy(allow("personalize:GetRecommendations", P + "campaign/others")))) {
            PersonalizeRuntimeException denied = catchThrowableOfType(PersonalizeRuntimeException.class,
                    () -> other.runtime().getRecommendations(r -> r.campaignArn(campaign).userId("u1")));

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage())
                    .isEqualTo(denial("personalize:GetRecommendations", campaign));
        }
    }

    @Test
    void importingNeedsPassRoleToPersonalizeForTheServiceRole() {
        Provisioner provisioner = new Provisioner(admin.personalize());
        String group = provisioner.datasetGroup("movies");
        String dataset = provisioner.dataset("interactions", group, DatasetType.INTERACTIONS,
                provisioner.schema("interactions", DatasetType.INTERACTIONS));
        Consumer<CreateDatasetImportJobRequest.Builder> job = r -> r.jobName("import").datasetArn(dataset)
                .roleArn(SERVICE_ROLE).dataSource(s -> s.dataLocation("s3://data/interactions.csv"));

        try (Clients noPassRole = roleSession(policy(allow("personalize:*", "*")))) {
            PersonalizeException denied = catchThrowableOfType(PersonalizeException.class,
                    () -> noPassRole.personalize().createDatasetImportJob(job));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo(denial("iam:PassRole", SERVICE_ROLE));
        }
        try (Clients toLambda = roleSession(policy(allow("personalize:*", "*"), passRoleTo("lambda.amazonaws.com")))) {
            assertThat(catchThrowableOfType(PersonalizeException.class,
                    () -> toLambda.personalize().createDatasetImportJob(job)).awsErrorDetails().errorCode())
                    .isEqualTo("AccessDeniedException");
        }
        assertThat(server.engine().importJobs().list(dataset)).isEmpty();

        try (Clients operator = roleSession(policy(allow("personalize:*", "*"),
                passRoleTo("personalize.amazonaws.com")))) {
            String arn = operator.personalize().createDatasetImportJob(job).datasetImportJobArn();
            // The service role was never registered, so Personalize itself cannot assume it.
            var created = LocalPersonalize.await(() -> operator.personalize()
                    .describeDatasetImportJob(r -> r.datasetImportJobArn(arn)).datasetImportJob(),
                    j -> j.status().endsWith("FAILED") || j.status().equals("ACTIVE"), arn);
            assertThat(created.status()).isEqualTo("CREATE FAILED");
            assertThat(created.failureReason()).contains("cannot assume the role " + SERVICE_ROLE);
        }
    }

    private static String passRoleTo(String service) {
        return """
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "%s",
                 "Condition": {"StringEquals": {"iam:PassedToService": "%s"}}}""".formatted(SERVICE_ROLE, service);
    }

    @Test
    void anExplicitDenyReachesTheCallerWithItsWording() {
        try (Clients denied = roleSession(policy(allow("personalize:*", "*"),
                deny("personalize:DeleteSchema", "*")))) {
            PersonalizeException e = catchThrowableOfType(PersonalizeException.class,
                    () -> denied.personalize().deleteSchema(r -> r.schemaArn(P + "schema/interactions")));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + SESSION + " is not authorized to "
                    + "perform: personalize:DeleteSchema on resource: " + P + "schema/interactions with an explicit "
                    + "deny in an identity-based policy");
        }
    }

    // --- an allowed caller gets the answer it would get without IAM --------------------------------------------

    /**
     * IAM enforcement must not change what an allowed caller hears about a request the service itself refuses: a
     * malformed ARN, an ARN of another resource type, an unknown operation.
     */
    @Test
    void anAllowedCallerGetsTheServicesOwnErrorForAnArnOfAnotherType() throws IOException {
        String group = new Provisioner(admin.personalize()).datasetGroup("movies");
        assertSameErrorAsWithoutIam(c -> c.describeSchema(r -> r.schemaArn(group)));
    }

    @Test
    void anAllowedCallerGetsTheServicesOwnErrorForAMalformedArn() throws IOException {
        assertSameErrorAsWithoutIam(c -> c.describeSchema(r -> r.schemaArn("not-an-arn")));
    }

    private void assertSameErrorAsWithoutIam(Consumer<PersonalizeClient> call) throws IOException {
        String expected;
        try (LocalPersonalize plain = LocalPersonalize.start(s3.resolve("plain"), Delays.NONE)) {
            plain.personalize.createDatasetGroup(r -> r.name("movies"));
            expected = catchThrowableOfType(PersonalizeException.class, () -> call.accept(plain.personalize))
                    .awsErrorDetails().errorCode();
        }
        AwsServiceException withIam = catchThrowableOfType(PersonalizeException.class,
                () -> call.accept(admin.personalize()));
        assertThat(withIam.awsErrorDetails().errorCode()).as(withIam.getMessage()).isEqualTo(expected);
    }

    /** An operation IAM knows but personalize-local does not serve: allowed, then refused as unknown. */
    @Test
    void anUnservedOperationIsStillUnknownOperationWithIamEnforced() throws Exception {
        String body = "{\"recommenderArn\": \"" + P + "recommender/movies\"}";
        HttpResponse<String> answer = SdkSigning.send(SdkSigning.controlPlane(server.endpoint(),
                "DescribeRecommender", body, AwsCredentialsIdentity.create(iam.administrator().accessKeyId(),
                        iam.administrator().secretAccessKey()), Instant.now()), body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aRequestWithoutAuthorizationIsMissingAuthenticationTokenIn400OnTheControlPlane() throws Exception {
        HttpResponse<String> answer = unsigned("AmazonPersonalize.ListSchemas", "{}");

        assertThat(json(answer.body()).path("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        // local/personalize/README.md: every control-plane error is HTTP 400, as AWS JSON 1.1 answers them.
        assertThat(answer.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> unsigned(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
