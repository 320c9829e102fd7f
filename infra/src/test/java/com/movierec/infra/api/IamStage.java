package com.movierec.infra.api;

import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.config.MovieRecConfigParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the fixture environments leave out: IAM auth, no browser origin, reserved concurrency, and no ranking
 * or popularity campaign.
 */
final class IamStage {
    static final String NAME = "qa";

    private IamStage() {
    }

    static MovieRecStage synthesize(Path tmp) {
        Map<String, Object> settings = new LinkedHashMap<>(Fixtures.environment(false, false, 1));
        settings.put("api", Map.of("auth", "iam", "allowedOrigins", List.of(), "reservedConcurrency", 5));
        Map<String, Object> recipes = new HashMap<>();
        recipes.put("ranking", null);
        recipes.put("popularity", null);
        settings.put("recipes", recipes);
        return Fixtures.stage(Fixtures.app(tmp.resolve("cdk.out")),
                MovieRecConfigParser.parse(Map.of("environments", Map.of(NAME, settings))).environment(NAME)
                        .orElseThrow(),
                Fixtures.loadedPreparedData(tmp.resolve("prepared"), true), tmp);
    }
}
