package com.movierec.local.deployer.deploy.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files of a cloud assembly with a message that says which file and what to do. */
final class Manifests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {
    }

    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssemblyException(file + " does not exist: synthesize the app first (bin/run, or cdk synth)");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssemblyException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
