package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of recommendation this project deploys, one campaign each. The config key names the slot in
 * {@code recipes}; the name segment goes into Personalize names and stack outputs.
 */
public enum RecipeSlot {
    USER_PERSONALIZATION("userPersonalization", "user-personalization", "UserPersonalization"),
    RELATED_ITEMS("relatedItems", "related-items", "RelatedItems"),
    POPULARITY("popularity", "popularity", "Popularity"),
    RANKING("ranking", "ranking", "Ranking");

    private final String configKey;
    private final String nameSegment;
    private final String constructId;

    RecipeSlot(String configKey, String nameSegment, String constructId) {
        this.configKey = configKey;
        this.nameSegment = nameSegment;
        this.constructId = constructId;
    }

    /** The key under {@code recipes} (and {@code qualityGate}) in the environment configuration. */
    @JsonValue
    public String configKey() {
        return configKey;
    }

    /** Lower-case, dash-separated: the slot's part of Personalize resource names. */
    public String nameSegment() {
        return nameSegment;
    }

    /** PascalCase: the slot's part of construct ids and output names. */
    public String constructId() {
        return constructId;
    }
}
