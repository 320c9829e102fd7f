package com.movierec.api;

import com.movierec.api.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a REST API event's {@code path} (percent-encoded, without the stage) into decoded segments, for requests
 * that do not come through one of the API's own resources (a {@code {proxy+}} resource, the local HTTP adapter).
 */
final class PathSegments {
    private PathSegments() {
    }

    /** The decoded segments of {@code /users/42/recommendations}; a trailing slash is ignored. */
    static String[] of(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (!p.startsWith("/")) {
            return new String[0];
        }
        String[] segments = p.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = decode(segments[i]);
        }
        return segments;
    }

    /** Strict percent-decoding: a malformed escape or non-UTF-8 bytes are a bad request, never a guess. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(literal, 0, literal.length);
                continue;
            }
            int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (low < 0) {
                throw malformed();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.badRequest("The request path is not correctly percent-encoded UTF-8.");
    }
}
