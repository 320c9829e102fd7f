package com.movierec.local.deployer.deploy.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.template.DependencyGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A stage's nested assembly: its stacks, in the order they deploy (each after the stacks it depends on). */
public final class StageAssembly {
    private static final String STACK = "aws:cloudformation:stack";
    private static final String ASSET_MANIFEST = "cdk:asset-manifest";
    private static final String UNKNOWN = "unknown-";

    private final String name;
    private final Path directory;
    private final List<StackArtifact> stacks;

    private StageAssembly(String name, Path directory, List<StackArtifact> stacks) {
        this.name = name;
        this.directory = directory;
        this.stacks = List.copyOf(stacks);
    }

    static StageAssembly load(String name, Path directory) {
        JsonNode artifacts = Manifests.read(directory.resolve("manifest.json")).path("artifacts");
        Map<String, StackArtifact> byId = new LinkedHashMap<>();
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        artifacts.properties().forEach(entry -> {
            JsonNode artifact = entry.getValue();
            if (artifact.path("type").asText().equals(STACK)) {
                StackArtifact stack = stack(entry.getKey(), artifact, artifacts, directory);
                byId.put(stack.artifactId(), stack);
                dependencies.put(stack.artifactId(), new TreeSet<>(stack.dependencies()));
            }
        });
        if (byId.isEmpty()) {
            throw new AssemblyException(directory + " holds no CloudFormation stack");
        }
        List<StackArtifact> ordered = new ArrayList<>();
        new DependencyGraph(dependencies).creationOrder().forEach(id -> ordered.add(byId.get(id)));
        return new StageAssembly(name, directory, ordered);
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    /** Every stack, dependencies first. */
    public List<StackArtifact> stacks() {
        return stacks;
    }

    /** The stack whose construct path ends with {@code /id}, e.g. {@code Personalize}. */
    public StackArtifact stack(String id) {
        return stacks.stream().filter(s -> s.displayName().endsWith("/" + id) || s.displayName().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssemblyException("stage " + name + " has no stack " + id + " (it has "
                        + stacks.stream().map(StackArtifact::displayName).toList() + ")"));
    }

    private static StackArtifact stack(String id, JsonNode artifact, JsonNode artifacts, Path directory) {
        JsonNode properties = artifact.path("properties");
        List<String> stackDependencies = new ArrayList<>();
        AssetCatalog assets = AssetCatalog.empty();
        for (JsonNode dependency : artifact.path("dependencies")) {
            JsonNode target = artifacts.path(dependency.asText());
            String type = target.path("type").asText();
            if (type.equals(STACK)) {
                stackDependencies.add(dependency.asText());
            } else if (type.equals(ASSET_MANIFEST)) {
                assets = AssetCatalog.read(directory.resolve(target.path("properties").path("file").asText()));
            }
        }
        // "aws://unknown-account/eu-west-1": the parts CDK could not pin are left to the deployer.
        String[] environment = artifact.path("environment").asText("aws://unknown-account/unknown-region")
                .replace("aws://", "").split("/", 2);
        return new StackArtifact(id, properties.path("stackName").asText(id), artifact.path("displayName").asText(id),
                directory.resolve(properties.path("templateFile").asText()), assets,
                known(environment.length > 1 ? environment[1] : UNKNOWN), known(environment[0]), stackDependencies);
    }

    private static Optional<String> known(String value) {
        return value.startsWith(UNKNOWN) ? Optional.empty() : Optional.of(value);
    }
}
