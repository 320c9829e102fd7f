package com.movierec.local.personalize.recipe;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Personalize recipes personalize-local trains, by their ARN name. */
public enum Recipe {
    USER_PERSONALIZATION_V2("aws-user-personalization-v2", RecipeType.USER_PERSONALIZATION),
    USER_PERSONALIZATION("aws-user-personalization", RecipeType.USER_PERSONALIZATION),
    POPULARITY_COUNT("aws-popularity-count", RecipeType.USER_PERSONALIZATION),
    SIMILAR_ITEMS("aws-similar-items", RecipeType.RELATED_ITEMS),
    SIMS("aws-sims", RecipeType.RELATED_ITEMS),
    PERSONALIZED_RANKING_V2("aws-personalized-ranking-v2", RecipeType.PERSONALIZED_RANKING),
    PERSONALIZED_RANKING("aws-personalized-ranking", RecipeType.PERSONALIZED_RANKING);

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:personalize:::recipe/([A-Za-z0-9._-]+)");
    private static final Set<String> RETIRED = Set.of("aws-hrnn", "aws-hrnn-metadata", "aws-hrnn-coldstart");

    private final String recipeName;
    private final RecipeType type;

    Recipe(String recipeName, RecipeType type) {
        this.recipeName = recipeName;
        this.type = type;
    }

    /** The name in the ARN, e.g. {@code aws-sims}. */
    public String recipeName() {
        return recipeName;
    }

    public String arn() {
        return "arn:aws:personalize:::recipe/" + recipeName;
    }

    public RecipeType type() {
        return type;
    }

    /**
     * The recipe of a CreateSolution {@code recipeArn}, e.g. {@code arn:aws:personalize:::recipe/aws-sims}.
     *
     * @throws UnsupportedRecipeException naming what is wrong: no ARN (AutoML), a retired recipe, or one this
     *                                    engine does not implement; the message lists the supported recipes
     */
    public static Recipe fromArn(String recipeArn) {
        if (recipeArn == null || recipeArn.isBlank()) {
            throw new UnsupportedRecipeException("no recipeArn: AutoML (performAutoML) is retired by Amazon Personalize;"
                    + " name one of " + supported());
        }
        Matcher m = ARN.matcher(recipeArn.strip());
        if (!m.matches()) {
            throw new UnsupportedRecipeException("'" + recipeArn + "' is not a recipe ARN such as "
                    + SIMS.arn());
        }
        String name = m.group(1);
        for (Recipe r : values()) {
            if (r.recipeName.equals(name)) {
                return r;
            }
        }
        if (RETIRED.contains(name)) {
            throw new UnsupportedRecipeException("recipe " + name + " is retired by Amazon Personalize; use "
                    + USER_PERSONALIZATION_V2.recipeName + " instead");
        }
        throw new UnsupportedRecipeException("recipe " + name + " is not implemented by personalize-local; it trains "
                + supported());
    }

    private static String supported() {
        return Arrays.stream(values()).map(Recipe::recipeName).collect(Collectors.joining(", "));
    }
}
