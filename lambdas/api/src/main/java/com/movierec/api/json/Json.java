package com.movierec.api.json;

/**
 * The API's JSON: response bodies are written with {@link JsonWriter} (no library, nothing discovered at start-up);
 * request bodies are read strictly and bounded by {@link JsonFields} with Jackson's streaming parser, since they come
 * from the internet. Jackson is therefore loaded only when the first request with a body arrives.
 */
public final class Json {
    /** Bodies are flat objects; anything deeper is not ours. */
    static final int MAX_NESTING_DEPTH = 8;
    static final int MAX_STRING_LENGTH = 4_096;
    static final int MAX_NUMBER_LENGTH = 32;

    private Json() {
    }

    /** Writes one JSON document and returns its text. */
    public static String write(Body body) {
        StringBuilder out = new StringBuilder(512);
        JsonWriter writer = new JsonWriter(out);
        body.writeTo(writer);
        return out.toString();
    }

    /** Something that writes itself as one JSON value. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonWriter writer);
    }
}
