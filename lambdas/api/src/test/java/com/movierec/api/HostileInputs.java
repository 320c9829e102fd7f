package com.movierec.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Seeded generators of requests an attacker or a broken client might send. Each {@code hostile...} value is wrong by
 * the documented contract (the OpenAPI id pattern, count 1-100, a body of the right shape), checked here with an
 * oracle independent of the handler's code.
 */
final class HostileInputs {
    /** openapi.yaml's id pattern, compiled here rather than taken from Validation. */
    static final Pattern DOCUMENTED_ID = Pattern.compile("^(?!\\.+$)[A-Za-z0-9_.:@-]{1,256}$");
    static final Pattern DOCUMENTED_COUNT = Pattern.compile("^(100|[1-9][0-9]?|0[1-9][0-9]?|00[1-9])$");

    private static final List<String> NASTY = List.of(
            "", " ", ".", "..", "../../etc/passwd", "..\\..\\windows", "%2e%2e%2f", "a/b", "/", "\\",
            "' OR 1=1 --", "<script>alert(1)</script>", "{\"$ne\":null}", "${jndi:ldap://x/a}", "%s%n%x",
            "\u0000", "\r\n", "\t", "\u202Eevil", "\u200B", "e\u0301", "\uD83C\uDFAC", "\uD800", "\uFFFF",
            "null", "undefined", "NaN", "-1", "1 2", "a b", "é", "日本語", "\u0665", "0x1F", "a;b", "a,b", "a|b", "a\"b");

    private final SplittableRandom random;

    HostileInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A string that breaks the documented id pattern. */
    String hostileId() {
        return until(id -> !DOCUMENTED_ID.matcher(id).matches(), () -> switch (random.nextInt(5)) {
            case 0 -> pick(NASTY);
            case 1 -> "9".repeat(257 + random.nextInt(20_000));
            case 2 -> randomUnicode(1 + random.nextInt(40));
            case 3 -> "42" + pick(NASTY) + "42";
            default -> ".".repeat(1 + random.nextInt(5));
        });
    }

    /** A count outside 1-100 or not plain digits. */
    String hostileCount() {
        return until(c -> !DOCUMENTED_COUNT.matcher(c).matches(), () -> switch (random.nextInt(5)) {
            case 0 -> pick(List.of("0", "101", "-1", "-0", "+5", " 5", "5 ", "1e2", "5.0", "0x10", "1,000", "\u0665",
                    "99999999999999999999", "NaN", "Infinity", "", "twenty", "100000"));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Integer.toString(101 + random.nextInt(Integer.MAX_VALUE - 101));
            case 3 -> randomUnicode(1 + random.nextInt(10));
            default -> pick(NASTY);
        });
    }

    /** A genre no catalog movie has, including injection attempts against the filter expression. */
    String hostileGenre(java.util.function.Predicate<String> isCatalogGenre) {
        return until(g -> !isCatalogGenre.test(g.strip()), () -> switch (random.nextInt(4)) {
            case 0 -> pick(NASTY);
            case 1 -> "Comedy\" OR \"1\" = \"1";
            case 2 -> "x".repeat(101 + random.nextInt(10_000));
            default -> randomUnicode(1 + random.nextInt(30));
        });
    }

    /** A body that is not a well-formed JSON object of the endpoint's shape, or is too large. */
    String hostileBody(boolean rankings) {
        return switch (random.nextInt(14)) {
            case 0 -> pick(List.of("", " ", "null", "[]", "\"text\"", "42", "true", "{", "}", "{]", "{'a':1}",
                    "{\"a\":1,}", "// comment\n{}", "NaN", "\uFEFF{}", "{\"a\":1} {\"b\":2}", "{\"a\" 1}"));
            case 1 -> "[".repeat(1 + random.nextInt(100_000));
            case 2 -> "{\"a\":".repeat(1 + random.nextInt(5_000));
            case 3 -> "{\"movieIds\":[\"" + "x".repeat(200_000 + random.nextInt(100_000)) + "\"]}";
            case 4 -> rankings ? "{\"movieIds\":\"1\"}" : "{\"userId\":42,\"movieId\":\"1\"}";
            case 5 -> rankings ? "{\"movieIds\":[{\"id\":\"1\"}]}" : "{\"userId\":[\"42\"],\"movieId\":\"1\"}";
            case 6 -> rankings ? "{\"movieIds\":[\"1\",\"1\"]}" : "{\"userId\":\"42\",\"userId\":\"43\",\"movieId\":\"1\"}";
            case 7 -> rankings ? "{\"movieIds\":[\"" + hostileId().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}"
                    : "{\"userId\":\"42\",\"movieId\":\"1\",\"timestamp\":" + pick(List.of("-1", "1e999999",
                    "17000000000000", "1.5", "\"yesterday\"", "99999999999999999999999")) + "}";
            case 8 -> rankings ? "{\"movieIds\":[]}" : "{\"userId\":\"42\"}";
            case 9 -> rankings ? "{\"ids\":[\"1\"]}" : "{\"userId\":\"42\",\"movieId\":\"1\",\"eventType\":\""
                    + pick(List.of("Purchase", "watch", "", "Watch ", "<b>")) + "\"}";
            case 10 -> rankings ? "{\"movieIds\":[\"424242\"]}" : "{\"userId\":\"42\",\"movieId\":\"424242\"}";
            case 11 -> randomUnicode(1 + random.nextInt(200));
            case 12 -> "{\"movieIds\":[" + "\"1\",".repeat(501 + random.nextInt(2_000)) + "\"2\"]}";
            default -> "{\"userId\":\"" + "9".repeat(257) + "\",\"movieId\":\"1\",\"movieIds\":[\"1\",\"1\"]}";
        };
    }

    /** A method the endpoint does not answer (and not OPTIONS, which is the CORS preflight). */
    String hostileMethod(String allowed) {
        return until(m -> !m.equals(allowed) && !m.equals("OPTIONS"), () -> pick(List.of(
                "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "TRACE", "CONNECT", "get", "post", "", " ",
                "G\u0000ET", "X".repeat(1_000), randomUnicode(5))));
    }

    /** A raw path that is none of the API's, or is not valid percent-encoding. */
    String hostilePath() {
        return switch (random.nextInt(6)) {
            case 0 -> "/" + pick(List.of("films", "user", "movie", "admin", ".env", "..", "%2e%2e", "v1", "users"))
                    + "/" + randomUnicode(1 + random.nextInt(10)).replace("/", "");
            case 1 -> "/users/42/recommendations/extra";
            case 2 -> "/users/%" + pick(List.of("", "Z", "ZZ", "E0%A4", "C3", "FF", "0")) + "/recommendations";
            case 3 -> "/" + "a/".repeat(1 + random.nextInt(500));
            case 4 -> pick(List.of("", "//", "users/42/recommendations", "/movies", "/users", "/events/1", "\\movies\\1"));
            default -> "/movies/%" + pick(List.of("C0%AF", "ED%A0%80", "F8%88%80%80%80", "%")) + "/similar";
        };
    }

    /** Noise any request may carry: odd headers that must not change the outcome's shape. */
    Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        if (chance(50)) {
            headers.put(pick(List.of("Origin", "origin", "ORIGIN")), pick(List.of("https://app.movierec.example",
                    "https://evil.example", "null", "*", randomUnicode(8))));
        }
        if (chance(50)) {
            headers.put("Content-Type", pick(List.of("application/json", "text/plain", "application/xml", "", "\u0000")));
        }
        if (chance(30)) {
            headers.put("x-api-key", "secret-" + random.nextInt());
        }
        return headers;
    }

    /** Some random code points, surrogates and controls included. */
    String randomUnicode(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                s.append((char) random.nextInt(0x20));
            } else if (kind == 1) {
                s.append((char) (0xD800 + random.nextInt(0x800)));
            } else if (kind == 2) {
                s.appendCodePoint(0x1F300 + random.nextInt(0x300));
            } else {
                s.append((char) random.nextInt(0xFFFF));
            }
        }
        return s.toString();
    }

    /** {@code text} in base64, as API Gateway sends binary bodies; sometimes broken base64 or invalid UTF-8. */
    String base64(String text) {
        return switch (random.nextInt(3)) {
            case 0 -> "!!not base64!!";
            case 1 -> Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            default -> Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    static APIGatewayProxyRequestEvent event(String method, String resource, String path, Map<String, String> pathParameters,
            Map<String, String> query, String body, Map<String, String> headers, String requestId) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod(method).withResource(resource).withPath(path)
                .withPathParameters(pathParameters).withQueryStringParameters(query).withBody(body)
                .withHeaders(headers).withIsBase64Encoded(false);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(requestId);
        context.setStage("dev");
        return event.withRequestContext(context);
    }

    private <T> T until(Predicate<T> wanted, java.util.function.Supplier<T> generate) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            T value = generate.get();
            if (wanted.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("the generator never produced a hostile value");
    }
}
