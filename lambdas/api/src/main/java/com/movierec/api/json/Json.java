package com.movierec.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one Jackson factory of the API: streaming only, so nothing is discovered by reflection at start-up. Reading is
 * strict (duplicate keys rejected) and bounded, since bodies come from the internet.
 */
public final class Json {
    /** Bodies are flat objects; anything deeper is not ours. */
    static final int MAX_NESTING_DEPTH = 8;
    static final int MAX_STRING_LENGTH = 4_096;
    static final int MAX_NUMBER_LENGTH = 32;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    private Json() {
    }

    /** Writes one JSON document with the generator and returns its text. */
    public static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            body.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    /** Something that writes itself as one JSON value. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator generator) throws IOException;
    }
}
