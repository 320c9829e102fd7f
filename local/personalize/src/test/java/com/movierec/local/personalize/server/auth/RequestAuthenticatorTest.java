package com.movierec.local.personalize.server.auth;

import static com.movierec.local.personalize.iam.PolicyDocuments.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.personalize.iam.SessionCredentials;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Authentication of requests signed by the AWS SDK's own SigV4 signer: what AWS accepts (the issued secret, and a
 * role session's token) is accepted, and what it refuses is refused with its error type and message.
 */
class RequestAuthenticatorTest {
    private static final String ACCOUNT = "000000000000";
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:8900");
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/recommender-fn";
    private static final Instant SIGNED_AT = Instant.parse("2024-03-01T12:00:00Z");
    private static final String BODY = "{\"name\":\"movies\"}";

    private final AccountIam iam = new AccountIam(ACCOUNT);
    private final SessionCredentials administrator = iam.administrator();

    private Caller authenticateAt(Instant now, ReceivedRequest request) {
        return new RequestAuthenticator(iam, Clock.fixed(now, ZoneOffset.UTC)).authenticate(request);
    }

    private Caller authenticate(ReceivedRequest request) {
        return authenticateAt(SIGNED_AT, request);
    }

    private SignatureRefusal refusal(ReceivedRequest request) {
        return refusalAt(SIGNED_AT, request);
    }

    private SignatureRefusal refusalAt(Instant now, ReceivedRequest request) {
        SignatureRefusal refused = catchThrowableOfType(SignatureRefusal.class, () -> authenticateAt(now, request));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static SdkHttpRequest signed(AwsCredentialsIdentity credentials) {
        return SdkSigning.controlPlane(ENDPOINT, "CreateDatasetGroup", BODY, credentials, SIGNED_AT);
    }

    private SdkHttpRequest signedByAdministrator() {
        return signed(AwsCredentialsIdentity.create(administrator.accessKeyId(), administrator.secretAccessKey()));
    }

    private SessionCredentials roleSession() {
        iam.putRole(ROLE, trust("lambda.amazonaws.com"), Map.of(), List.of());
        return iam.assumeRole(ROLE, "handler");
    }

    /** The signed request's headers, changed by {@code change} as something between client and server might. */
    private static ReceivedRequest withHeaders(SdkHttpRequest signed, Consumer<Map<String, List<String>>> change) {
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        change.accept(headers);
        return SdkSigning.received(signed, headers, BODY);
    }

    // --- accepted -----------------------------------------------------------------------------------------------

    @Test
    void aRequestSignedWithTheAdministratorsSecretIsTheAdministrator() {
        Caller caller = authenticate(SdkSigning.received(signedByAdministrator(), BODY));

        assertThat(caller.principalArn()).isEqualTo(administrator.principalArn());
    }

    @Test
    void aRoleSessionsRequestWithItsSecretAndTokenIsTheAssumedRole() {
        SessionCredentials session = roleSession();
        SdkHttpRequest request = signed(AwsSessionCredentialsIdentity.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken()));

        assertThat(authenticate(SdkSigning.received(request, BODY)))
                .isEqualTo(new Caller(session.principalArn(), ROLE));
    }

    @Test
    void headerNamesInAnotherCaseAndPaddedValuesStillMatchAsSigV4CanonicalisesThem() {
        ReceivedRequest recased = withHeaders(signedByAdministrator(), headers -> {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name.toUpperCase(Locale.ROOT),
                    values.stream().map(v -> "  " + v.replace(" ", "   ") + " ").toList()));
            headers.clear();
            headers.putAll(copy);
        });

        assertThat(authenticate(recased).principalArn()).isEqualTo(administrator.principalArn());
    }

    @Test
    void aHeaderAddedOutsideSignedHeadersDoesNotMatter() {
        ReceivedRequest withProxyHeader = withHeaders(signedByAdministrator(),
                headers -> headers.put("Via", List.of("1.1 proxy")));

        assertThat(authenticate(withProxyHeader).principalArn()).isEqualTo(administrator.principalArn());
    }

    @Test
    void aSignatureExactlyFiveMinutesOldIsStillAccepted() {
        ReceivedRequest request = SdkSigning.received(signedByAdministrator(), BODY);

        assertThat(authenticateAt(SIGNED_AT.plus(Duration.ofMinutes(5)), request).principalArn())
                .isEqualTo(administrator.principalArn());
        assertThat(authenticateAt(SIGNED_AT.minus(Duration.ofMinutes(5)), request).principalArn())
                .isEqualTo(administrator.principalArn());
    }

    // --- the signature ------------------------------------------------------------------------------------------

    @Test
    void aKnownKeyWithTheWrongSecretIsInvalidSignatureShowingTheCanonicalRequest() {
        SdkHttpRequest request = signed(AwsCredentialsIdentity.create(administrator.accessKeyId(),
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        SignatureRefusal refused = refusal(SdkSigning.received(request, BODY));

        assertThat(refused.type()).isEqualTo("InvalidSignatureException");
        assertThat(refused.getMessage()).startsWith("The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                + "documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n")
                .contains("\nhost:127.0.0.1:8900\n", "\nx-amz-target:AmazonPersonalize.CreateDatasetGroup\n",
                        "\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20240301T120000Z\n"
                                + "20240301/us-east-1/personalize/aws4_request\n");
    }

    @Test
    void aBodyChangedAfterSigningIsInvalidSignature() {
        ReceivedRequest altered = SdkSigning.received(signedByAdministrator(), "{\"name\":\"moviez\"}");

        assertThat(refusal(altered).type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aSignedHeaderChangedAfterSigningIsInvalidSignature() {
        ReceivedRequest retargeted = withHeaders(signedByAdministrator(),
                headers -> headers.put("X-Amz-Target", List.of("AmazonPersonalize.DeleteDatasetGroup")));

        assertThat(refusal(retargeted).type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void aCredentialScopedToAnotherServiceIsRefusedNamingPersonalize() {
        SdkHttpRequest request = SdkSigning.signed(ENDPOINT, "ListSchemas", BODY, AwsCredentialsIdentity.create(
                administrator.accessKeyId(), administrator.secretAccessKey()), SIGNED_AT, "personalize-runtime");

        SignatureRefusal refused = refusal(SdkSigning.received(request, BODY));

        assertThat(refused.type()).isEqualTo("InvalidSignatureException");
        assertThat(refused.getMessage()).isEqualTo("Credential should be scoped to correct service: 'personalize'. ");
    }

    // --- the time -----------------------------------------------------------------------------------------------

    @Test
    void aSignatureMoreThanFiveMinutesOldHasExpired() {
        ReceivedRequest request = SdkSigning.received(signedByAdministrator(), BODY);

        SignatureRefusal refused = refusalAt(SIGNED_AT.plus(Duration.ofMinutes(5).plusSeconds(1)), request);

        assertThat(refused.type()).isEqualTo("InvalidSignatureException");
        assertThat(refused.getMessage()).isEqualTo("Signature expired: 20240301T120000Z is now earlier than "
                + "20240301T120001Z (20240301T120501Z - 5 min.)");
    }

    @Test
    void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() {
        ReceivedRequest request = SdkSigning.received(signedByAdministrator(), BODY);

        SignatureRefusal refused = refusalAt(SIGNED_AT.minus(Duration.ofMinutes(10)), request);

        assertThat(refused.type()).isEqualTo("InvalidSignatureException");
        assertThat(refused.getMessage()).isEqualTo("Signature not yet current: 20240301T120000Z is still later than "
                + "20240301T115500Z (20240301T115000Z + 5 min.)");
    }

    // --- the key and the session token --------------------------------------------------------------------------

    @Test
    void aKeyTheAccountNeverIssuedIsUnrecognized() {
        SdkHttpRequest request = signed(AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

        SignatureRefusal refused = refusal(SdkSigning.received(request, BODY));

        assertThat(refused.type()).isEqualTo("UnrecognizedClientException");
        assertThat(refused.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void aRoleSessionsKeyWithoutItsTokenIsUnrecognized() {
        SessionCredentials session = roleSession();
        SdkHttpRequest request = signed(AwsCredentialsIdentity.create(session.accessKeyId(),
                session.secretAccessKey()));

        SignatureRefusal refused = refusal(SdkSigning.received(request, BODY));

        assertThat(refused.type()).isEqualTo("UnrecognizedClientException");
        assertThat(refused.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void aRoleSessionsKeyWithAnotherTokenIsUnrecognized() {
        SessionCredentials session = roleSession();
        SdkHttpRequest request = signed(AwsSessionCredentialsIdentity.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken() + "x"));

        SignatureRefusal refused = refusal(SdkSigning.received(request, BODY));

        assertThat(refused.type()).isEqualTo("UnrecognizedClientException");
        assertThat(refused.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void theAdministratorsLongTermKeyWithASessionTokenIsUnrecognized() {
        SdkHttpRequest request = signed(AwsSessionCredentialsIdentity.create(administrator.accessKeyId(),
                administrator.secretAccessKey(), "a-token-never-issued"));

        assertThat(refusal(SdkSigning.received(request, BODY)).type()).isEqualTo("UnrecognizedClientException");
    }

    // --- the Authorization header -------------------------------------------------------------------------------

    @Test
    void noAuthorizationHeaderIsMissingAuthenticationToken() {
        ReceivedRequest unsigned = withHeaders(signedByAdministrator(), headers -> headers.remove("Authorization"));

        SignatureRefusal refused = refusal(unsigned);

        assertThat(refused.type()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(refused.getMessage()).isEqualTo("Missing Authentication Token");
    }

    @Test
    void anAuthorizationOfAnotherSchemeListsEverythingSigV4Needs() {
        ReceivedRequest sigV2 = withHeaders(signedByAdministrator(), headers -> {
            headers.put("Authorization", List.of("AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg="));
            headers.remove("X-Amz-Date");
        });

        SignatureRefusal refused = refusal(sigV2);

        assertThat(refused.type()).isEqualTo("IncompleteSignatureException");
        assertThat(refused.getMessage()).isEqualTo("Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter. Authorization header requires "
                + "'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a "
                + "'Date' header. Authorization=AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=");
    }

    @Test
    void aSigV4AuthorizationWithoutItsSignatureIsIncomplete() {
        SdkHttpRequest signed = signedByAdministrator();
        String header = signed.firstMatchingHeader("Authorization").orElseThrow();
        String unsignedHeader = header.substring(0, header.indexOf(", Signature="));

        SignatureRefusal refused = refusal(withHeaders(signed,
                headers -> headers.put("Authorization", List.of(unsignedHeader))));

        assertThat(refused.type()).isEqualTo("IncompleteSignatureException");
        assertThat(refused.getMessage()).isEqualTo("Authorization header requires 'Signature' parameter. "
                + "Authorization=" + unsignedHeader);
    }

    @Test
    void aParameterWithoutEqualSignIsNotAValidKeyValuePair() {
        String header = "AWS4-HMAC-SHA256 Credential " + administrator.accessKeyId()
                + "/20240301/us-east-1/personalize/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

        SignatureRefusal refused = refusal(withHeaders(signedByAdministrator(),
                headers -> headers.put("Authorization", List.of(header))));

        assertThat(refused.type()).isEqualTo("IncompleteSignatureException");
        assertThat(refused.getMessage()).isEqualTo("'Credential " + administrator.accessKeyId()
                + "/20240301/us-east-1/personalize/aws4_request' not a valid key=value pair (missing equal-sign) in "
                + "Authorization header: '" + header + "'.");
    }

    @Test
    void aSignatureThatDoesNotCoverHostIsIncomplete() {
        SdkHttpRequest signed = signedByAdministrator();
        String header = signed.firstMatchingHeader("Authorization").orElseThrow().replace("host;", "");

        SignatureRefusal refused = refusal(withHeaders(signed,
                headers -> headers.put("Authorization", List.of(header))));

        assertThat(header).doesNotContain("host");
        assertThat(refused.type()).isEqualTo("IncompleteSignatureException");
        assertThat(refused.getMessage())
                .isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
}
