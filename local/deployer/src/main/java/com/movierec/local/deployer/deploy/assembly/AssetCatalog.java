package com.movierec.local.deployer.deploy.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's file assets ({@code <stack>.assets.json}), by the S3 object key a template refers to them with, e.g.
 * {@code 9a49...6c.zip} in a BucketDeployment's SourceObjectKeys, so a local deploy can read the staged copy.
 */
public final class AssetCatalog {
    /** A staged asset: a directory (packaging {@code zip}) or a file (packaging {@code file}). */
    public record Asset(String hash, Path source, String packaging) {
        public boolean isDirectory() {
            return packaging.equals("zip");
        }
    }

    private final Map<String, Asset> byObjectKey;

    private AssetCatalog(Map<String, Asset> byObjectKey) {
        this.byObjectKey = Collections.unmodifiableMap(byObjectKey);
    }

    public static AssetCatalog empty() {
        return new AssetCatalog(Map.of());
    }

    /** Reads an asset manifest; source paths in it are relative to the manifest's directory. */
    public static AssetCatalog read(Path assetsJson) {
        JsonNode files = Manifests.read(assetsJson).path("files");
        Path base = assetsJson.toAbsolutePath().getParent();
        Map<String, Asset> byKey = new LinkedHashMap<>();
        files.properties().forEach(file -> {
            JsonNode source = file.getValue().path("source");
            Asset asset = new Asset(file.getKey(), base.resolve(source.path("path").asText()).normalize(),
                    source.path("packaging").asText("file"));
            file.getValue().path("destinations").forEach(destination ->
                    byKey.put(destination.path("objectKey").asText(), asset));
        });
        return new AssetCatalog(byKey);
    }

    public Optional<Asset> byObjectKey(String objectKey) {
        return Optional.ofNullable(byObjectKey.get(objectKey));
    }
}
