package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.RecipeCatalog;
import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.server.Json;

/** DescribeRecipe, ListRecipes. */
final class RecipeOperations {
    private RecipeOperations() {
    }

    static void register(OperationTable table, RecipeCatalog recipes) {
        table.add("DescribeRecipe", r -> Json.object().set("recipe", recipe(recipes.describe(r.string("recipeArn")))));
        table.add("ListRecipes", r -> Pages.page(r, "recipes", recipes.list(r.string("recipeProvider"),
                r.string("domain")), RecipeOperations::summary));
    }

    private static ObjectNode recipe(RecipeCatalog.RecipeInfo r) {
        return summary(r).put("algorithmArn", r.algorithmArn())
                .put("featureTransformationArn", r.featureTransformationArn())
                .put("description", r.description())
                .put("recipeType", r.recipeType());
    }

    private static ObjectNode summary(RecipeCatalog.RecipeInfo r) {
        ObjectNode n = Json.object().put("name", r.name()).put("recipeArn", r.arn()).put("status", Status.ACTIVE);
        Json.time(n, "creationDateTime", RecipeCatalog.PUBLISHED);
        return Json.time(n, "lastUpdatedDateTime", RecipeCatalog.PUBLISHED);
    }
}
