package com.movierec.infra.config;

import java.util.Locale;
import java.util.Set;

/** Personalize features that no longer exist, so a configuration asking for them gets told what replaces them. */
final class RetiredFeatures {
    static final String REPLACEMENT = Recipe.USER_PERSONALIZATION_V2.id();
    /** For an HRNN recipe. */
    static final String HRNN_FIX = "HRNN recipes are retired in Amazon Personalize; use \"" + REPLACEMENT
            + "\", which replaces them";
    /** For an AutoML key: the one mistake a Personalize user migrating older code is likely to make. */
    static final String AUTO_ML_FIX = "AutoML is retired in Amazon Personalize; remove the key and deploy the recipe "
            + REPLACEMENT + " (recipes.userPersonalization), which replaces it";

    private static final Set<String> RETIRED_RECIPES = Set.of("aws-hrnn", "aws-hrnn-metadata", "aws-hrnn-coldstart");
    private static final Set<String> AUTO_ML_KEYS = Set.of("performautoml", "automl");

    private RetiredFeatures() {
    }

    static boolean isRetiredRecipe(String recipe) {
        return RETIRED_RECIPES.contains(recipe);
    }

    /** {@code performAutoML} or {@code autoML} in any letter case. */
    static boolean isAutoMlKey(String key) {
        return AUTO_ML_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }
}
