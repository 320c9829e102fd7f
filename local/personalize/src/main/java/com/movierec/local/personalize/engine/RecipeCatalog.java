package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.UnsupportedRecipeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** DescribeRecipe and ListRecipes: the recipes personalize-local trains, as the service describes them. */
public final class RecipeCatalog {
    /** Recipes are the service's, older than any resource: one fixed date keeps answers deterministic. */
    public static final Instant PUBLISHED = Instant.parse("2019-06-10T00:00:00Z");

    /** One recipe as DescribeRecipe shows it. */
    public record RecipeInfo(Recipe recipe, String description) {
        public String name() {
            return recipe.recipeName();
        }

        public String arn() {
            return recipe.arn();
        }

        public String algorithmArn() {
            return "arn:aws:personalize:::algorithm/" + recipe.recipeName();
        }

        public String featureTransformationArn() {
            return "arn:aws:personalize:::feature-transformation/" + recipe.recipeName();
        }

        /** USER_PERSONALIZATION, RELATED_ITEMS or PERSONALIZED_RANKING. */
        public String recipeType() {
            return recipe.type().name();
        }
    }

    public RecipeInfo describe(String recipeArn) {
        try {
            return info(Recipe.fromArn(recipeArn));
        } catch (UnsupportedRecipeException e) {
            throw new PersonalizeException(ErrorType.RESOURCE_NOT_FOUND, e.getMessage());
        }
    }

    /**
     * @param recipeProvider only SERVICE exists; null lists it too
     * @param domain         domain recipes are not provided here: a domain lists nothing
     */
    public List<RecipeInfo> list(String recipeProvider, String domain) {
        if (domain != null) {
            return List.of();
        }
        return Arrays.stream(Recipe.values()).map(RecipeCatalog::info).toList();
    }

    private static RecipeInfo info(Recipe recipe) {
        return new RecipeInfo(recipe, switch (recipe) {
            case USER_PERSONALIZATION_V2, USER_PERSONALIZATION ->
                    "Predicts the items a user will interact with (EASE item-item model in personalize-local).";
            case POPULARITY_COUNT -> "Recommends the items the most users interacted with.";
            case SIMILAR_ITEMS -> "Recommends items similar to an item, from co-occurrence and item metadata.";
            case SIMS -> "Recommends items similar to an item, from co-occurrence in user histories.";
            case PERSONALIZED_RANKING_V2, PERSONALIZED_RANKING -> "Ranks a given list of items for a user.";
        });
    }
}
