package com.movierec.infra.pipeline;

import com.movierec.infra.config.MovieRecConfig;
import com.movierec.infra.config.PipelineConfig;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.Environment;

/**
 * @param config     every environment and the pipeline's configuration, which must be present
 * @param stages     builds each deployed environment's stage, the same way the app builds its own
 * @param env        the pipeline's account and region; either may be null (then the stack is environment-agnostic
 *                   there, and so are the stages that pin neither)
 * @param cliVersion the CDK CLI the pipeline installs for self-mutation and asset publishing: package.json's, so the
 *                   pipeline never runs a CLI that cannot read this aws-cdk-lib's assemblies
 */
public record PipelineStackProps(MovieRecConfig config, StageFactory stages, Environment env, String cliVersion) {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    public PipelineStackProps {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(cliVersion, "cliVersion");
        if (config.pipeline().isEmpty()) {
            throw new IllegalArgumentException("a pipeline stack needs the pipeline's configuration (movierec.pipeline)");
        }
        if (!VERSION.matcher(cliVersion).matches()) {
            throw new IllegalArgumentException("the CDK CLI version \"" + cliVersion + "\" is not an exact version "
                    + "such as 2.1148.1");
        }
        env = env == null ? Environment.builder().build() : env;
    }

    public PipelineConfig pipeline() {
        return config.pipeline().orElseThrow();
    }
}
