package com.movierec.infra.api;

import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.config.MovieRecConfigParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages with {@code api.auth: "jwt"}: a created pool with MFA optional and threat protection in audit mode, one with
 * both at their strictest and a domain prefix of its own (its data, and so its users, retained), and one on an existing
 * pool, and one with neither MFA nor threat protection.
 */
public final class JwtStages {
    public static final String CREATED = "jwt";
    public static final String STRICT = "strict";
    public static final String EXISTING = "existing";
    public static final String PLAIN = "plain";
    public static final String EXISTING_POOL_ID = "eu-west-1_AbCdEf123";
    public static final String EXISTING_DOMAIN = "https://auth.example.com";
    public static final String ORIGIN = "https://app.example.com";
    public static final List<String> CALLBACK_URLS = List.of(ORIGIN + "/", "http://localhost:8080/");
    public static final List<String> LOGOUT_URLS = List.of(ORIGIN + "/signed-out");
    public static final String STRICT_DOMAIN_PREFIX = "movierec-strict-login";

    private JwtStages() {
    }

    /** The stage named {@code name}, synthesized in its own app under {@code tmp}. */
    public static MovieRecStage synthesize(String name, Path tmp) {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("callbackUrls", CALLBACK_URLS);
        boolean retain = false;
        switch (name) {
            case CREATED -> {
                jwt.put("logoutUrls", LOGOUT_URLS);
                jwt.put("mfa", "optional");
                jwt.put("threatProtection", "audit");
                jwt.put("tokenValidityMinutes", 30);
                jwt.put("refreshTokenValidityDays", 7);
            }
            case STRICT -> {
                jwt.put("mfa", "required");
                jwt.put("threatProtection", "enforced");
                jwt.put("domainPrefix", STRICT_DOMAIN_PREFIX);
                retain = true;
            }
            case PLAIN -> {
                jwt.put("mfa", "off");
                jwt.put("threatProtection", "off");
            }
            case EXISTING -> jwt.put("existingUserPool", Map.of("userPoolId", EXISTING_POOL_ID,
                    "domain", EXISTING_DOMAIN));
            default -> throw new IllegalArgumentException("no jwt stage " + name);
        }
        Map<String, Object> settings = new LinkedHashMap<>(Fixtures.environment(retain, false, 1));
        settings.put("api", Map.of("auth", "jwt", "allowedOrigins", List.of(ORIGIN), "jwt", jwt));
        return Fixtures.stage(Fixtures.app(tmp.resolve(name).resolve("cdk.out")),
                MovieRecConfigParser.parse(Map.of("environments", Map.of(name, settings))).environment(name)
                        .orElseThrow(),
                Fixtures.loadedPreparedData(tmp.resolve(name).resolve("prepared"), true), tmp.resolve(name));
    }
}
