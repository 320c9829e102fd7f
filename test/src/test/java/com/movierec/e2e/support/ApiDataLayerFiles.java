package com.movierec.e2e.support;

import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.run.LambdaLayers;
import java.nio.file.Path;

/**
 * The API function's data layer as the synth staged it in the cloud assembly: the items.csv and known-users.txt that
 * Lambda would unpack into /opt/movierec, found the way the local run finds them (the function's Layers in its
 * template), so the local API runs on the very files a deploy ships.
 */
public record ApiDataLayerFiles(Path itemsCsv, Path knownUsers) {
    public static ApiDataLayerFiles of(CloudAssembly assembly) {
        LambdaLayers layers = LambdaLayers.of(assembly.stage("dev"), StageDeployment.API_HANDLER);
        return new ApiDataLayerFiles(layers.resolve("/opt/movierec/items.csv"),
                layers.resolve("/opt/movierec/known-users.txt"));
    }
}
