package com.movierec.local.personalize.server.auth;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static com.movierec.local.personalize.iam.PolicyDocuments.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.iam.SessionCredentials;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsException;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;

/**
 * personalize-local with IAM enforced verifies each request's SigV4 signature as AWS does, driven by the real SDK v2
 * clients on the URLConnection HTTP client: a known key signing with the wrong secret, a role session's key without
 * its token, a body changed after signing and an old signature are all refused with AWS's error and status.
 */
class SignatureVerificationThroughSdkTest {
    private static final String ACCOUNT = EngineSettings.DEFAULT_ACCOUNT;
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/recommender-fn";
    private static final String WRONG_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    @TempDir
    Path s3;

    private PersonalizeLocalServer server;
    private AccountIam iam;
    private SessionCredentials administrator;

    @BeforeEach
    void start() {
        server = PersonalizeLocalServer.start(EngineSettings.defaults(s3).withDelays(Delays.NONE), 0);
        iam = new AccountIam(ACCOUNT);
        server.engine().enforceIam(new Authorizer(iam, IamSimulator.shared()));
        administrator = iam.administrator();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PersonalizeClient personalize(AwsCredentials credentials, SdkHttpClient http) {
        return PersonalizeClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .endpointOverride(server.endpoint())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private SessionCredentials roleSessionAllowedToListSchemas() {
        iam.putRole(ROLE, trust("lambda.amazonaws.com"),
                Map.of("Inline", policy(allow("personalize:ListSchemas", "*"))), List.of());
        return iam.assumeRole(ROLE, "handler");
    }

    private static void assertMismatch(AwsServiceException refused, int status) {
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.statusCode()).isEqualTo(status);
        assertThat(refused.awsErrorDetails().errorMessage()).startsWith(SignatureCheck.MISMATCH + "\n\n");
    }

    @Test
    void theAdministratorsKeyWithAWrongSecretIsInvalidSignatureOnEveryApi() {
        AwsBasicCredentials wrong = AwsBasicCredentials.create(administrator.accessKeyId(), WRONG_SECRET);
        var provider = StaticCredentialsProvider.create(wrong);
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             PersonalizeClient personalize = personalize(wrong, http);
             PersonalizeRuntimeClient runtime = PersonalizeRuntimeClient.builder().httpClient(http)
                     .region(Region.US_EAST_1).credentialsProvider(provider).endpointOverride(server.endpoint())
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
             PersonalizeEventsClient events = PersonalizeEventsClient.builder().httpClient(http)
                     .region(Region.US_EAST_1).credentialsProvider(provider).endpointOverride(server.endpoint())
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertMismatch(catchThrowableOfType(PersonalizeException.class,
                    () -> personalize.createDatasetGroup(r -> r.name("movies"))), 400);
            assertMismatch(catchThrowableOfType(PersonalizeRuntimeException.class,
                    () -> runtime.getRecommendations(r -> r.campaignArn("arn:aws:personalize:us-east-1:" + ACCOUNT
                            + ":campaign/movies").userId("u1"))), 403);
            assertMismatch(catchThrowableOfType(PersonalizeEventsException.class,
                    () -> events.putEvents(r -> r.trackingId("t").sessionId("s")
                            .eventList(e -> e.eventType("Watch").itemId("i1").sentAt(Instant.now())))), 403);
        }
        assertThat(server.engine().resources()).isEmpty();
    }

    @Test
    void aBodyChangedAfterSigningIsInvalidSignatureAndNothingIsCreated() {
        AwsBasicCredentials right = AwsBasicCredentials.create(administrator.accessKeyId(),
                administrator.secretAccessKey());
        try (SdkHttpClient http = new TamperingHttpClient(UrlConnectionHttpClient.create(),
                body -> body.replace("movies", "moviez"));
             PersonalizeClient personalize = personalize(right, http)) {
            assertMismatch(catchThrowableOfType(PersonalizeException.class,
                    () -> personalize.createDatasetGroup(r -> r.name("movies"))), 400);
        }
        assertThat(server.engine().resources()).isEmpty();
    }

    @Test
    void aRoleSessionSigningWithItsSecretAndTokenIsServed() {
        SessionCredentials session = roleSessionAllowedToListSchemas();
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             PersonalizeClient personalize = personalize(AwsSessionCredentials.create(session.accessKeyId(),
                     session.secretAccessKey(), session.sessionToken()), http)) {
            assertThat(personalize.listSchemas(r -> { }).schemas()).isEmpty();
        }
    }

    @Test
    void aRoleSessionsKeyWithoutItsTokenIsUnrecognized() {
        SessionCredentials session = roleSessionAllowedToListSchemas();
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             PersonalizeClient personalize = personalize(AwsBasicCredentials.create(session.accessKeyId(),
                     session.secretAccessKey()), http)) {
            PersonalizeException refused = catchThrowableOfType(PersonalizeException.class,
                    () -> personalize.listSchemas(r -> { }));

            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(INVALID_TOKEN);
            assertThat(refused.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aRoleSessionsKeyWithAnotherSessionsTokenIsUnrecognized() {
        SessionCredentials session = roleSessionAllowedToListSchemas();
        SessionCredentials other = iam.assumeRole(ROLE, "other");
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             PersonalizeClient personalize = personalize(AwsSessionCredentials.create(session.accessKeyId(),
                     session.secretAccessKey(), other.sessionToken()), http)) {
            PersonalizeException refused = catchThrowableOfType(PersonalizeException.class,
                    () -> personalize.listSchemas(r -> { }));

            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(INVALID_TOKEN);
        }
    }

    /** The SDK signs with the current time; this request was signed by its signer ten minutes ago. */
    @Test
    void aSignatureTenMinutesOldHasExpired() throws Exception {
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        SdkHttpRequest signed = SdkSigning.controlPlane(server.endpoint(), "ListSchemas", "{}",
                AwsCredentialsIdentity.create(administrator.accessKeyId(), administrator.secretAccessKey()), signedAt);

        HttpResponse<String> answer = SdkSigning.send(signed, "{}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(answer.body()).contains("\"message\":\"Signature expired: "
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(signedAt)
                + " is now earlier than ");
    }
}
