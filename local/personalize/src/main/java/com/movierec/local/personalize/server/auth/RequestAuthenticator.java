package com.movierec.local.personalize.server.auth;

import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.personalize.iam.SessionCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;

/**
 * Who signed a request, established as AWS establishes it before any policy is looked at: a complete SigV4
 * {@code Authorization} header with a signed {@code Host}, a time within five minutes of the clock, a credential
 * scoped to Personalize's signing name, a key the account issued, the session token issued with it (a role
 * session's; none for a long-term key), and the signature that key's secret gives for the request as received.
 * The credential's region is not checked.
 */
final class RequestAuthenticator {
    /** What all three Personalize APIs (control plane, runtime, events) sign as. */
    static final String SIGNING_NAME = "personalize";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private final AccountIam iam;
    private final Clock clock;

    RequestAuthenticator(AccountIam iam, Clock clock) {
        this.iam = iam;
        this.clock = clock;
    }

    /** @throws SignatureRefusal with AWS's error type and message for the first check the request fails */
    Caller authenticate(ReceivedRequest request) {
        String header = request.header("Authorization").orElseThrow(() -> new SignatureRefusal(
                SignatureRefusal.MISSING, "Missing Authentication Token"));
        SigV4Authorization authorization = SigV4Authorization.parse(header, RequestTime.present(request));
        if (!authorization.signedHeaders().contains("host")) {
            throw new SignatureRefusal(SignatureRefusal.INCOMPLETE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        RequestTime time = RequestTime.of(request);
        time.requireWithinFiveMinutesOf(clock.instant());
        if (!authorization.service().equals(SIGNING_NAME)) {
            throw new SignatureRefusal(SignatureRefusal.INVALID,
                    "Credential should be scoped to correct service: '" + SIGNING_NAME + "'. ");
        }
        SessionCredentials issued = iam.issued(authorization.accessKeyId()).orElseThrow(() -> new SignatureRefusal(
                SignatureRefusal.UNRECOGNIZED, INVALID_TOKEN));
        String token = request.header("X-Amz-Security-Token").map(String::strip).orElse(null);
        if (!sameToken(issued.sessionToken(), token)) {
            throw new SignatureRefusal(SignatureRefusal.UNRECOGNIZED, INVALID_TOKEN);
        }
        SignatureCheck.verify(request, authorization, time, issued.secretAccessKey());
        return iam.caller(authorization.accessKeyId()).orElseThrow();
    }

    /** Constant time for tokens of equal length; a long-term key must come without one. */
    private static boolean sameToken(String issued, String presented) {
        if (issued == null || presented == null) {
            return Objects.equals(issued, presented);
        }
        return MessageDigest.isEqual(issued.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
