package com.movierec.local.personalize.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecipeTest {

    @ParameterizedTest
    @EnumSource(Recipe.class)
    void readsEveryRecipeBackFromItsArn(Recipe recipe) {
        assertThat(Recipe.fromArn(recipe.arn())).isEqualTo(recipe);
    }

    @Test
    void knowsEachRecipesType() {
        assertThat(Recipe.fromArn("arn:aws:personalize:::recipe/aws-user-personalization-v2").type())
                .isEqualTo(RecipeType.USER_PERSONALIZATION);
        assertThat(Recipe.fromArn("arn:aws:personalize:::recipe/aws-popularity-count").type())
                .isEqualTo(RecipeType.USER_PERSONALIZATION);
        assertThat(Recipe.SIMILAR_ITEMS.type()).isEqualTo(RecipeType.RELATED_ITEMS);
        assertThat(Recipe.SIMS.type()).isEqualTo(RecipeType.RELATED_ITEMS);
        assertThat(Recipe.PERSONALIZED_RANKING_V2.type()).isEqualTo(RecipeType.PERSONALIZED_RANKING);
    }

    @Test
    void saysARetiredRecipeIsRetiredAndWhatToUseInstead() {
        assertThatThrownBy(() -> Recipe.fromArn("arn:aws:personalize:::recipe/aws-hrnn-metadata"))
                .isInstanceOf(UnsupportedRecipeException.class)
                .hasMessage("recipe aws-hrnn-metadata is retired by Amazon Personalize; use aws-user-personalization-v2"
                        + " instead");
    }

    @Test
    void listsTheSupportedRecipesForAnUnknownOne() {
        assertThatThrownBy(() -> Recipe.fromArn("arn:aws:personalize:::recipe/aws-trending-now"))
                .isInstanceOf(UnsupportedRecipeException.class)
                .hasMessageStartingWith("recipe aws-trending-now is not implemented by personalize-local; it trains ")
                .hasMessageContaining("aws-sims");
    }

    @Test
    void treatsAMissingRecipeArnAsRetiredAutoMl() {
        assertThatThrownBy(() -> Recipe.fromArn(null)).hasMessageStartingWith("no recipeArn: AutoML");
    }

    @Test
    void rejectsSomethingThatIsNotARecipeArn() {
        assertThatThrownBy(() -> Recipe.fromArn("aws-sims"))
                .hasMessage("'aws-sims' is not a recipe ARN such as arn:aws:personalize:::recipe/aws-sims");
    }
}
