package com.movierec.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON log line itself: valid JSON whatever the text, the fields Powertools' layout had, UTC milliseconds. */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MILLIS = Instant.parse("2026-11-23T17:26:42.068Z").toEpochMilli();

    @Test
    void aLineHasTimestampLevelServiceMessageTheRequestAndTheFieldsInOrder() throws Exception {
        JsonLog.Request request = new JsonLog.Request("api-gw-id", "lambda-id", "movierec-dev-api", "7",
                "arn:aws:lambda:eu-west-1:123456789012:function:movierec-dev-api:live", 1024, true,
                "1-5759e988-bd862e3fe1be46a994272793");
        String line = JsonLog.line("movierec-api", MILLIS, JsonLog.Level.INFO, "request", request, null,
                "route", "/events", "status", 202, "latencyMs", 1.25, "fallback", false, "errorCode", null, "count", 3L);

        assertThat(line).startsWith("{\"timestamp\":\"2026-11-23T17:26:42.068Z\",\"level\":\"INFO\","
                + "\"service\":\"movierec-api\",\"message\":\"request\",\"requestId\":\"api-gw-id\"");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("correlation_id").asText()).isEqualTo("api-gw-id");
        assertThat(json.path("function_request_id").asText()).isEqualTo("lambda-id");
        assertThat(json.path("function_name").asText()).isEqualTo("movierec-dev-api");
        assertThat(json.path("function_version").asText()).isEqualTo("7");
        assertThat(json.path("function_arn").asText()).endsWith(":live");
        assertThat(json.path("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(json.path("cold_start").asBoolean()).isTrue();
        assertThat(json.path("xray_trace_id").asText()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(json.path("route").asText()).isEqualTo("/events");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("latencyMs").asDouble()).isEqualTo(1.25);
        assertThat(json.path("fallback").isBoolean()).isTrue();
        assertThat(json.path("errorCode").isNull()).isTrue();
        assertThat(json.path("count").asLong()).isEqualTo(3L);
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void withoutARequestOnlyTheBaseFieldsAndAThrowableAsError() throws Exception {
        Exception failure = new IllegalStateException("broken \"quote\"\nsecond line");
        JsonNode json = JSON.readTree(JsonLog.line(null, MILLIS, JsonLog.Level.ERROR, "failed", null, failure));

        assertThat(json.path("service").isNull()).isTrue();
        assertThat(json.has("requestId")).isFalse();
        assertThat(json.has("cold_start")).isFalse();
        assertThat(json.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("error").path("message").asText()).isEqualTo("broken \"quote\"\nsecond line");
        assertThat(json.path("error").path("stack").asText()).contains("JsonLogTest");
    }

    @Test
    void anyTextStaysOneLineOfAsciiJsonAndRoundTrips() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x80)));
            }
            String line = JsonLog.line("s", MILLIS, JsonLog.Level.WARN, text.toString(), null, null, "text", text);
            assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(line).isTrue();
            JsonNode json = JSON.readTree(line);
            assertThat(json.path("message").asText()).isEqualTo(text.toString());
            assertThat(json.path("text").asText()).isEqualTo(text.toString());
        }
    }

    @Test
    void nonFiniteNumbersAndOtherObjectsAreWrittenAsStrings() throws Exception {
        JsonNode json = JSON.readTree(JsonLog.line("s", MILLIS, JsonLog.Level.INFO, "m", null, null,
                "nan", Double.NaN, "infinite", Float.POSITIVE_INFINITY, "object", java.util.List.of(1, 2), "dangling"));

        assertThat(json.path("nan").asText()).isEqualTo("NaN");
        assertThat(json.path("infinite").asText()).isEqualTo("Infinity");
        assertThat(json.path("object").asText()).isEqualTo("[1, 2]");
        assertThat(json.path("dangling").isNull()).isTrue();
    }

    @Test
    void timestampsMatchJavaTimeAcrossEpochsLeapYearsAndMilliseconds() {
        Random random = new Random(11);
        long[] fixed = {0, -1, 951_782_400_000L, 951_868_799_999L, 4_107_542_400_000L, -62_135_596_800_000L,
                253_402_300_799_999L};
        for (long millis : fixed) {
            assertTimestamp(millis);
        }
        for (int i = 0; i < 20_000; i++) {
            assertTimestamp(random.nextLong(-62_135_596_800_000L, 253_402_300_800_000L));
        }
    }

    private static void assertTimestamp(long millis) {
        StringBuilder out = new StringBuilder();
        Timestamps.appendIso8601(out, millis);
        String expected = Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS).toString();
        // Instant.toString drops zero seconds/milliseconds; compare as instants and check the fixed layout.
        assertThat(Instant.parse(out.toString())).as("%d", millis).isEqualTo(Instant.parse(expected));
        assertThat(out.toString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void levelsFollowPowertoolsNamesAndDefaultToInfo() {
        assertThat(JsonLog.Level.parse(null)).isEqualTo(JsonLog.Level.INFO);
        assertThat(JsonLog.Level.parse(" debug ")).isEqualTo(JsonLog.Level.DEBUG);
        assertThat(JsonLog.Level.parse("TRACE")).isEqualTo(JsonLog.Level.DEBUG);
        assertThat(JsonLog.Level.parse("warning")).isEqualTo(JsonLog.Level.WARN);
        assertThat(JsonLog.Level.parse("FATAL")).isEqualTo(JsonLog.Level.ERROR);
        assertThat(JsonLog.Level.parse("nonsense")).isEqualTo(JsonLog.Level.INFO);
        assertThat(JsonLog.enabled(JsonLog.Level.INFO)).isTrue();
        assertThat(JsonLog.enabled(JsonLog.Level.DEBUG)).isFalse();
    }
}
