package com.movierec.local.deployer.deploy.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthesized CDK app ({@code cdk.out}): its manifest lists one nested assembly per Stage, e.g.
 * {@code assembly-dev}, which holds that stage's stacks.
 */
public final class CloudAssembly {
    private static final String NESTED_ASSEMBLY = "cdk:cloud-assembly";

    private final Path directory;
    private final JsonNode manifest;

    private CloudAssembly(Path directory, JsonNode manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /** Reads {@code cdkOut/manifest.json}. */
    public static CloudAssembly load(Path cdkOut) {
        Path directory = cdkOut.toAbsolutePath().normalize();
        return new CloudAssembly(directory, Manifests.read(directory.resolve("manifest.json")));
    }

    public Path directory() {
        return directory;
    }

    /** The stages, by display name ({@code dev}, {@code staging}, ...). */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        manifest.path("artifacts").forEach(artifact -> {
            if (artifact.path("type").asText().equals(NESTED_ASSEMBLY)) {
                names.add(artifact.path("properties").path("displayName").asText());
            }
        });
        return names;
    }

    /** The stage called {@code name}, or a message listing the stages there are. */
    public StageAssembly stage(String name) {
        for (var artifact : manifest.path("artifacts").properties()) {
            JsonNode properties = artifact.getValue().path("properties");
            if (artifact.getValue().path("type").asText().equals(NESTED_ASSEMBLY)
                    && properties.path("displayName").asText().equals(name)) {
                return StageAssembly.load(name, directory.resolve(properties.path("directoryName").asText()));
            }
        }
        throw new AssemblyException(directory + " has no stage '" + name + "' (it has " + stageNames()
                + "): synthesize it, e.g. cdk synth -c env=" + name);
    }
}
