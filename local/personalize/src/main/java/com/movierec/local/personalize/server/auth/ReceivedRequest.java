package com.movierec.local.personalize.server.auth;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A request as it reached the server, in the form SigV4 signs: method, path and query as sent on the wire (still
 * percent-encoded), every header line's value by name (names compared without case, one entry per line), and the
 * body's bytes.
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {
    public ReceivedRequest {
        // HTTP header names are case-insensitive; the server may hand them over in any case
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        headers = Collections.unmodifiableMap(byName);
        body = body.clone();
    }

    /** The first value of a header, if the request has it. */
    public Optional<String> header(String name) {
        return headerValues(name).stream().findFirst();
    }

    /** Every value a header was sent with, in the order the lines came. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
