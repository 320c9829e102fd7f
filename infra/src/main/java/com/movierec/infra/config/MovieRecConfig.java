package com.movierec.infra.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code movierec} context of cdk.json.
 *
 * @param environments every environment, in the order cdk.json lists them
 * @param pipeline     the pipeline promoting the app through the environments; empty when cdk.json sets none
 */
public record MovieRecConfig(Map<String, EnvironmentConfig> environments, Optional<PipelineConfig> pipeline) {

    public MovieRecConfig {
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one environment");
        }
        if (pipeline.isPresent() && !environments.keySet().containsAll(pipeline.get().stages())) {
            throw new IllegalArgumentException("the pipeline's stages " + pipeline.get().stages() + " are not all "
                    + "environments of " + environments.keySet());
        }
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** Every environment and no pipeline. */
    public MovieRecConfig(Map<String, EnvironmentConfig> environments) {
        this(environments, Optional.empty());
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    public List<String> names() {
        return List.copyOf(environments.keySet());
    }
}
