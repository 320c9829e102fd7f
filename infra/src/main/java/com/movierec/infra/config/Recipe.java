package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Personalize recipes an environment may deploy, by slot. */
public enum Recipe {
    USER_PERSONALIZATION_V2("aws-user-personalization-v2", RecipeSlot.USER_PERSONALIZATION, false),
    USER_PERSONALIZATION("aws-user-personalization", RecipeSlot.USER_PERSONALIZATION, true),
    SIMILAR_ITEMS("aws-similar-items", RecipeSlot.RELATED_ITEMS, true),
    SIMS("aws-sims", RecipeSlot.RELATED_ITEMS, true),
    POPULARITY_COUNT("aws-popularity-count", RecipeSlot.POPULARITY, false),
    PERSONALIZED_RANKING_V2("aws-personalized-ranking-v2", RecipeSlot.RANKING, false),
    PERSONALIZED_RANKING("aws-personalized-ranking", RecipeSlot.RANKING, true);

    private final String id;
    private final RecipeSlot slot;
    private final boolean acceptsHpo;

    Recipe(String id, RecipeSlot slot, boolean acceptsHpo) {
        this.id = id;
        this.slot = slot;
        this.acceptsHpo = acceptsHpo;
    }

    /** The recipe's name in Personalize, the last part of its ARN, and its value in cdk.json. */
    @JsonValue
    public String id() {
        return id;
    }

    public RecipeSlot slot() {
        return slot;
    }

    /**
     * Whether CreateSolution accepts {@code performHPO} for this recipe. The v2 recipes tune themselves every 90 days
     * when auto-training is on, and popularity count has nothing to tune.
     */
    public boolean acceptsHpo() {
        return acceptsHpo;
    }

    /** The recipe the issue asks for by default in each slot. */
    public static Recipe defaultFor(RecipeSlot slot) {
        return switch (slot) {
            case USER_PERSONALIZATION -> USER_PERSONALIZATION_V2;
            case RELATED_ITEMS -> SIMILAR_ITEMS;
            case POPULARITY -> POPULARITY_COUNT;
            case RANKING -> PERSONALIZED_RANKING_V2;
        };
    }

    public static List<Recipe> forSlot(RecipeSlot slot) {
        return Arrays.stream(values()).filter(r -> r.slot == slot).toList();
    }

    public static Optional<Recipe> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The recipe cdk.json names; a retired one is refused with what replaces it. */
    @JsonCreator
    static Recipe fromConfig(String id) {
        if (RetiredFeatures.isRetiredRecipe(id)) {
            throw new InvalidConfigException(List.of(ConfigProblem.invalid(List.of(), id, RetiredFeatures.HRNN_FIX)));
        }
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no recipe is called " + id));
    }
}
