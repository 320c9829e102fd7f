package com.movierec.local.personalize.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SigV4's canonical request, as AWS builds it from what it received (services other than S3): the method; the path
 * with dot segments and empty segments removed, each segment URI-encoded twice; the query parameters URI-encoded and
 * sorted by name, then value; each signed header, lower-cased, with its values trimmed, inner runs of spaces made one
 * and several lines joined by commas, in the order SignedHeaders lists them; the SignedHeaders list; and the SHA-256
 * of the body received.
 */
final class CanonicalRequest {
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalRequest() {
    }

    static String of(ReceivedRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.append(lower).append(':').append(request.headerValues(lower).stream()
                    .map(v -> v.strip().replaceAll(" +", " ")).collect(Collectors.joining(","))).append('\n');
        }
        return String.join("\n", request.method(), uri(request.rawPath()), query(request.rawQuery()),
                headers.toString(), String.join(";", signedHeaders), sha256Hex(request.body()));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String uri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        String path = rawPath == null ? "" : rawPath;
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                // once for the path on the wire, once more as SigV4 encodes it again for every service but S3
                segments.addLast(encode(encode(decode(segment)).getBytes(StandardCharsets.US_ASCII)));
            }
        }
        String canonical = "/" + String.join("/", segments);
        boolean trailingSlash = path.endsWith("/") && !segments.isEmpty();
        return trailingSlash ? canonical + "/" : canonical;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(Map.entry(encode(decode(name)), encode(decode(value))));
        }
        return parameters.stream().sorted(Map.Entry.<String, String>comparingByKey()
                        .thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** SigV4's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XY, upper-case hex. */
    private static String encode(byte[] text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    /**
     * Percent-decoding to bytes (not to text: an escape need not be UTF-8); a {@code +} on the wire is a plus sign to
     * SigV4, not a space.
     */
    private static byte[] decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
