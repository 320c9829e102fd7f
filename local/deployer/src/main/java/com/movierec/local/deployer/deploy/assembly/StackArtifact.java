package com.movierec.local.deployer.deploy.assembly;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A stack of a cloud assembly.
 *
 * @param artifactId   the id in manifest.json, e.g. {@code devPersonalize3ECB65AA}
 * @param stackName    the CloudFormation stack name, e.g. {@code movierec-dev-personalize}
 * @param displayName  the construct path, e.g. {@code dev/Personalize}
 * @param templateFile the template, absolute
 * @param assets       the stack's file assets (an empty catalog when it has none)
 * @param region       the region it is synthesized for, empty when environment-agnostic
 * @param account      the account it is synthesized for, empty when environment-agnostic
 * @param dependencies the artifact ids of the stacks it needs deployed first
 */
public record StackArtifact(String artifactId, String stackName, String displayName, Path templateFile,
                            AssetCatalog assets, Optional<String> region, Optional<String> account,
                            List<String> dependencies) {

    public StackArtifact {
        dependencies = List.copyOf(dependencies);
    }
}
