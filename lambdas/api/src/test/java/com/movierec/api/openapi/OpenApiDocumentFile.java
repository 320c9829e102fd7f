package com.movierec.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** openapi.yaml as the jar packages it (the same file as lambdas/api/openapi.yaml), parsed once. */
public final class OpenApiDocumentFile {
    private static final JsonNode DOCUMENT = read();

    private OpenApiDocumentFile() {
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    private static JsonNode read() {
        try (InputStream in = OpenApiDocumentFile.class.getResourceAsStream("/com/movierec/api/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the test classpath: the build packages it");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml is not valid YAML", e);
        }
    }
}
