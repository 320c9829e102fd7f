package com.movierec.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The response writer writes exactly what Jackson's generator wrote with its defaults, so responses are unchanged. */
class JsonWriterTest {
    private static final JsonFactory JACKSON = new JsonFactory();
    private static final double[] AWKWARD = {0.0, -0.0, 1.0, 0.1, 1e-7, 1e21, 123456789.125, Double.MIN_VALUE,
        Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.30000000000000004};

    @Test
    void randomDocumentsAreWrittenByteForByteAsJacksonWritesThem() throws IOException {
        Random random = new Random(42);
        for (int document = 0; document < 3_000; document++) {
            long seed = random.nextLong();
            StringBuilder ours = new StringBuilder();
            JsonWriter writer = new JsonWriter(ours);
            StringWriter theirs = new StringWriter();
            try (JsonGenerator generator = JACKSON.createGenerator(theirs)) {
                writeBoth(new Random(seed), writer, generator, 0);
            }
            assertThat(ours.toString()).as("seed %d", seed).isEqualTo(theirs.toString());
        }
    }

    @Test
    void theResponseShapesComeOutAsBefore() {
        String body = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("userId", "42");
            g.writeBooleanField("fallback", false);
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("title", "Cité des \"enfants\" perdus\n");
            g.writeNullField("year");
            g.writeArrayFieldStart("genres");
            g.writeString("Sci-Fi");
            g.writeString("Drama");
            g.writeEndArray();
            g.writeNumberField("score", 0.25);
            g.writeEndObject();
            g.writeEndArray();
            g.writeNumberField("accepted", 1);
            g.writeEndObject();
        });
        assertThat(body).isEqualTo("{\"userId\":\"42\",\"fallback\":false,\"items\":[{\"title\":\"Cité des \\\"enfants\\\" "
                + "perdus\\n\",\"year\":null,\"genres\":[\"Sci-Fi\",\"Drama\"],\"score\":0.25}],\"accepted\":1}");
    }

    private static void writeBoth(Random random, JsonWriter ours, JsonGenerator theirs, int depth) throws IOException {
        ours.writeStartObject();
        theirs.writeStartObject();
        int members = random.nextInt(5);
        for (int i = 0; i < members; i++) {
            String name = text(random);
            switch (random.nextInt(depth < 3 ? 9 : 7)) {
                case 0 -> {
                    String value = random.nextInt(10) == 0 ? null : text(random);
                    ours.writeStringField(name, value);
                    theirs.writeStringField(name, value);
                }
                case 1 -> {
                    int value = random.nextInt();
                    ours.writeNumberField(name, value);
                    theirs.writeNumberField(name, value);
                }
                case 2 -> {
                    long value = random.nextLong();
                    ours.writeNumberField(name, value);
                    theirs.writeNumberField(name, value);
                }
                case 3 -> {
                    double value = random.nextBoolean() ? AWKWARD[random.nextInt(AWKWARD.length)]
                            : Double.longBitsToDouble(random.nextLong());
                    ours.writeNumberField(name, value);
                    theirs.writeNumberField(name, value);
                }
                case 4 -> {
                    boolean value = random.nextBoolean();
                    ours.writeBooleanField(name, value);
                    theirs.writeBooleanField(name, value);
                }
                case 5 -> {
                    ours.writeNullField(name);
                    theirs.writeNullField(name);
                }
                case 6 -> {
                    ours.writeArrayFieldStart(name);
                    theirs.writeArrayFieldStart(name);
                    int length = random.nextInt(4);
                    for (int j = 0; j < length; j++) {
                        String value = text(random);
                        ours.writeString(value);
                        theirs.writeString(value);
                    }
                    ours.writeEndArray();
                    theirs.writeEndArray();
                }
                default -> {
                    ours.writeFieldName(name);
                    theirs.writeFieldName(name);
                    writeBoth(random, ours, theirs, depth + 1);
                }
            }
        }
        ours.writeEndObject();
        theirs.writeEndObject();
    }

    /** Mostly printable ASCII, with quotes, backslashes, every control character and some non-ASCII. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append((char) switch (random.nextInt(8)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> 0x7f + random.nextInt(0x2000);
                default -> 0x20 + random.nextInt(0x5f);
            });
        }
        return text.toString();
    }
}
