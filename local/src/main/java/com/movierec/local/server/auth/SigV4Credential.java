package com.movierec.local.server.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access key id a SigV4-signed request names: {@code Authorization: AWS4-HMAC-SHA256
 * Credential=<key id>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...}.
 */
final class SigV4Credential {
    private static final Pattern CREDENTIAL = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/");

    private SigV4Credential() {
    }

    static Optional<String> accessKeyId(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
