package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Failure;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;

/** Refuses the recipes Personalize has retired, naming the one to use instead. */
final class Recipes {
    static final String PROPERTY = "RecipeArn";
    private static final String USER_PERSONALIZATION_V2 = "arn:aws:personalize:::recipe/aws-user-personalization-v2";
    /** The legacy HRNN recipes are no longer available; User-Personalization unifies and replaces them. */
    private static final Map<String, String> RETIRED = Map.of(
            "aws-hrnn", USER_PERSONALIZATION_V2,
            "aws-hrnn-metadata", USER_PERSONALIZATION_V2,
            "aws-hrnn-coldstart", USER_PERSONALIZATION_V2);

    private Recipes() {
    }

    static String requireAvailable(String recipeArn) {
        if (!recipeArn.startsWith("arn:") || !recipeArn.contains(":recipe/")) {
            throw Failure.property(CustomResourceType.SOLUTION, PROPERTY,
                    "must be a recipe ARN such as " + USER_PERSONALIZATION_V2 + ", not '" + recipeArn + "'");
        }
        String recipe = recipeArn.substring(recipeArn.indexOf(":recipe/") + ":recipe/".length());
        String replacement = RETIRED.get(recipe);
        if (replacement != null) {
            throw Failure.property(CustomResourceType.SOLUTION, PROPERTY, "names " + recipeArn
                    + ", a retired recipe Personalize no longer trains: use " + replacement + " instead");
        }
        return recipeArn;
    }
}
