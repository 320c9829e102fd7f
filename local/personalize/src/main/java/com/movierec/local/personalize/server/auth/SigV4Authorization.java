package com.movierec.local.personalize.server.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header: {@code AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/
 * <service>/aws4_request, SignedHeaders=<name>;<name>..., Signature=<hex>}.
 *
 * @param scope the credential's scope after the key id: date, region, service and terminator, as many as were given
 */
record SigV4Authorization(String accessKeyId, List<String> scope, List<String> signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * @param hasDate whether the request has an {@code X-Amz-Date} or {@code Date} header, which AWS reports missing
     *                with the header's missing parts
     * @throws SignatureRefusal IncompleteSignatureException, with AWS's wording, when a part is missing or malformed
     */
    static SigV4Authorization parse(String header, boolean hasDate) {
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        Map<String, String> parameters = new LinkedHashMap<>();
        // another scheme (SigV2's "AWS key:signature", a bearer token) has none of SigV4's parameters
        if (space > 0 && trimmed.substring(0, space).equals(ALGORITHM)) {
            for (String part : trimmed.substring(space + 1).split(",")) {
                String pair = part.strip();
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    throw new SignatureRefusal(SignatureRefusal.INCOMPLETE, "'" + pair + "' not a valid key=value pair "
                            + "(missing equal-sign) in Authorization header: '" + header + "'.");
                }
                parameters.putIfAbsent(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parameters.getOrDefault(required, "").isEmpty()) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (!hasDate) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw new SignatureRefusal(SignatureRefusal.INCOMPLETE,
                    String.join(" ", missing) + " Authorization=" + header);
        }
        List<String> credential = Arrays.asList(parameters.get("Credential").split("/", -1));
        return new SigV4Authorization(credential.get(0), List.copyOf(credential.subList(1, credential.size())),
                List.of(parameters.get("SignedHeaders").split(";")), parameters.get("Signature"));
    }

    /** The scope's service, or empty when the credential names none. */
    String service() {
        return scope.size() > 2 ? scope.get(2) : "";
    }

    /** The scope's region, or empty when the credential names none. */
    String region() {
        return scope.size() > 1 ? scope.get(1) : "";
    }
}
