package com.movierec.local.deployer.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.assembly.AssetCatalog;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import com.movierec.local.deployer.deploy.assembly.StageAssembly;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layers of a synthesized Lambda function as directories on this machine: Lambda unpacks a function's layers
 * into {@code /opt}, so a local run reads {@code /opt/<path>} from the staged layer assets in cdk.out, the very
 * files a deploy uploads.
 */
public final class LambdaLayers {
    private static final String OPT = "/opt/";

    private final String handler;
    private final List<Path> directories;

    private LambdaLayers(String handler, List<Path> directories) {
        this.handler = handler;
        this.directories = List.copyOf(directories);
    }

    /**
     * The layers of the stage's function with {@code handler} ({@code com.example.Handler::handleRequest}).
     *
     * @throws IllegalArgumentException when no stack of the stage has that function, or a layer is not one of the
     *                                  stage's own staged directory assets
     */
    public static LambdaLayers of(StageAssembly stage, String handler) {
        for (StackArtifact stack : stage.stacks()) {
            Template template = Template.read(stack.templateFile());
            Optional<TemplateResource> function = template.resources().values().stream()
                    .filter(r -> r.type().equals("AWS::Lambda::Function"))
                    .filter(r -> handler.equals(r.properties().path("Handler").asText()))
                    .findFirst();
            if (function.isPresent()) {
                List<Path> directories = new ArrayList<>();
                for (JsonNode layer : function.get().properties().path("Layers")) {
                    directories.add(layerDirectory(template, stack.assets(), layer, stack.stackName()));
                }
                return new LambdaLayers(handler, directories);
            }
        }
        throw new IllegalArgumentException("stage " + stage.name() + " has no Lambda function with handler "
                + handler + ": synthesize the stage again (cdk synth)");
    }

    /**
     * Where {@code /opt/<path>} is locally: in the last layer that has it, as Lambda lets a later layer's file win.
     *
     * @throws IllegalArgumentException when the path is not under /opt or no layer has the file
     */
    public Path resolve(String optPath) {
        if (!optPath.startsWith(OPT) || optPath.contains("..")) {
            throw new IllegalArgumentException(optPath + " is not a file under /opt");
        }
        String relative = optPath.substring(OPT.length());
        for (int i = directories.size() - 1; i >= 0; i--) {
            Path candidate = directories.get(i).resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no layer of the function " + handler + " has " + optPath
                + " (layers: " + directories + "): synthesize the stage again (cdk synth)");
    }

    private static Path layerDirectory(Template template, AssetCatalog assets, JsonNode layer, String stackName) {
        String ref = layer.path("Ref").asText(null);
        if (ref == null || !template.resources().containsKey(ref)) {
            throw new IllegalArgumentException("stack " + stackName + ": the layer " + layer
                    + " is not a LayerVersion of the same stack, which is all a local run can read");
        }
        String key = template.resource(ref).properties().path("Content").path("S3Key").asText();
        AssetCatalog.Asset asset = assets.byObjectKey(key).orElseThrow(() -> new IllegalArgumentException(
                "stack " + stackName + ": the layer " + ref + "'s content " + key
                        + " is not among the stack's staged assets: synthesize the stage again (cdk synth)"));
        if (!asset.isDirectory() || !Files.isDirectory(asset.source())) {
            throw new IllegalArgumentException("stack " + stackName + ": the layer " + ref + "'s asset "
                    + asset.source() + " is not a staged directory: synthesize the stage again (cdk synth)");
        }
        return asset.source();
    }
}
