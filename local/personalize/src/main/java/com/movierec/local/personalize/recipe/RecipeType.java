package com.movierec.local.personalize.recipe;

/** Personalize's recipe types, which decide the runtime call a campaign answers. */
public enum RecipeType {
    /** GetRecommendations with a userId. */
    USER_PERSONALIZATION,
    /** GetRecommendations with an itemId. */
    RELATED_ITEMS,
    /** GetPersonalizedRanking with a userId and an inputList. */
    PERSONALIZED_RANKING
}
