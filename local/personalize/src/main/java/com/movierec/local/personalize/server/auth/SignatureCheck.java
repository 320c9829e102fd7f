package com.movierec.local.personalize.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's SigV4 signature as AWS does and compares it with the one the request carries: the string to
 * sign names the request's time and the scope {@code <day of that time>/<region>/<service>/aws4_request} (the day
 * AWS takes from the time, not from the credential), and is signed with the key derived from the secret by HMAC-SHA256
 * over that day, region, service and {@code aws4_request}.
 */
final class SignatureCheck {
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final HexFormat HEX = HexFormat.of();

    private SignatureCheck() {
    }

    /**
     * @throws SignatureRefusal InvalidSignatureException with AWS's message, which shows the canonical request and
     *                          string to sign it expected, when the signature is not the one {@code secret} gives
     */
    static void verify(ReceivedRequest request, SigV4Authorization authorization, RequestTime time, String secret) {
        String canonical = CanonicalRequest.of(request, authorization.signedHeaders());
        String scope = time.day() + "/" + authorization.region() + "/" + authorization.service() + "/aws4_request";
        String stringToSign = String.join("\n", SigV4Authorization.ALGORITHM, time.basic(), scope,
                CanonicalRequest.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), time.day());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, "aws4_request");
        byte[] expected = HEX.formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = authorization.signature().getBytes(StandardCharsets.US_ASCII);
        // constant time, so the answer's timing tells nothing about how much of a guess was right
        if (!MessageDigest.isEqual(expected, given)) {
            throw new SignatureRefusal(SignatureRefusal.INVALID, MISMATCH
                    + "\n\nThe Canonical String for this request should have been\n'" + canonical + "'\n\n"
                    + "The String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
