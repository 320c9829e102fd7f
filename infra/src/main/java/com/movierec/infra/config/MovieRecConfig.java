package com.movierec.infra.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code movierec} context of cdk.json: every environment, in the order cdk.json lists them. */
public record MovieRecConfig(Map<String, EnvironmentConfig> environments) {

    public MovieRecConfig {
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one environment");
        }
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    public List<String> names() {
        return List.copyOf(environments.keySet());
    }
}
