package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

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
public record MovieRecConfig(
        @Fix("make it an object with one entry per environment") Map<String, EnvironmentConfig> environments,
        @Fix("make it an object such as {\"connectionArn\": \"arn:aws:codeconnections:eu-west-1:123456789012:"
                + "connection/<id>\", \"repository\": \"owner/name\"}, or leave it out to deploy without a pipeline")
        Optional<PipelineConfig> pipeline) {

    public MovieRecConfig {
        ConfigCheck check = new ConfigCheck(MovieRecConfig.class);
        environments.forEach((name, environment) -> check.require(environment != null, at("environments", name),
                environment, "make it an object of settings such as {\"region\": \"eu-west-1\"}"));
        if (environments.isEmpty()) {
            check.add(at("environments"), "has no environment: add at least one, e.g. \"dev\": {\"region\": "
                    + "\"eu-west-1\"}");
        }
        for (String stage : pipeline.map(PipelineConfig::stages).orElse(List.of())) {
            EnvironmentConfig deployed = environments.get(stage);
            if (deployed != null && deployed.api().jwt().flatMap(JwtSettings::mfa)
                    .filter(JwtSettings.Mfa.REQUIRED::equals).isPresent()) {
                check.require(false, at("environments", stage, "api", "jwt", "mfa"), JwtSettings.Mfa.REQUIRED,
                        "the pipeline deploys " + stage + ", and its smoke test signs a temporary user in without a "
                                + "second factor; set \"optional\" (users may still add an authenticator app), or "
                                + "remove " + stage + " from pipeline.stages");
            }
        }
        check.done();
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
