package com.movierec.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** This API's OpenAPI document (lambdas/api/openapi.yaml, packaged in the jar), served at GET /openapi.yaml. */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.yaml";

    private OpenApiDocument() {
    }

    static String text() {
        return Holder.TEXT;
    }

    /** Read on first use, not at start-up: few requests ask for it. */
    private static final class Holder {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar: the build packages it");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
            }
        }
    }
}
