package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which recipe each slot deploys; a slot that is absent deploys no campaign. */
public record RecipeSelection(Map<RecipeSlot, Recipe> bySlot) {

    public RecipeSelection {
        ConfigCheck check = new ConfigCheck(RecipeSelection.class);
        bySlot.forEach((slot, recipe) -> check.require(recipe.slot() == slot, slot.configKey(), recipe));
        if (check.passed() && bySlot.isEmpty()) {
            check.add(at(), "selects no recipe: set at least one of " + Arrays.stream(RecipeSlot.values())
                    .map(RecipeSlot::configKey).collect(Collectors.joining(", ")) + " to a recipe");
        }
        check.done();
        bySlot = Collections.unmodifiableMap(new EnumMap<>(bySlot));
    }

    /**
     * The {@code recipes} object of cdk.json: a slot left out deploys its default recipe, a slot set to null none.
     * Each fix lists {@link Recipe#forSlot} of its slot.
     */
    @JsonCreator
    static RecipeSelection fromConfig(
            @JsonProperty(value = "userPersonalization", defaultValue = "aws-user-personalization-v2")
            @Fix("set one of \"aws-user-personalization-v2\", \"aws-user-personalization\", or null to deploy no "
                    + "userPersonalization campaign")
            Optional<Recipe> userPersonalization,
            @JsonProperty(value = "relatedItems", defaultValue = "aws-similar-items")
            @Fix("set one of \"aws-similar-items\", \"aws-sims\", or null to deploy no relatedItems campaign")
            Optional<Recipe> relatedItems,
            @JsonProperty(value = "popularity", defaultValue = "aws-popularity-count")
            @Fix("set one of \"aws-popularity-count\", or null to deploy no popularity campaign")
            Optional<Recipe> popularity,
            @JsonProperty(value = "ranking", defaultValue = "aws-personalized-ranking-v2")
            @Fix("set one of \"aws-personalized-ranking-v2\", \"aws-personalized-ranking\", or null to deploy no "
                    + "ranking campaign")
            Optional<Recipe> ranking) {
        Map<RecipeSlot, Recipe> bySlot = new EnumMap<>(RecipeSlot.class);
        userPersonalization.ifPresent(recipe -> bySlot.put(RecipeSlot.USER_PERSONALIZATION, recipe));
        relatedItems.ifPresent(recipe -> bySlot.put(RecipeSlot.RELATED_ITEMS, recipe));
        popularity.ifPresent(recipe -> bySlot.put(RecipeSlot.POPULARITY, recipe));
        ranking.ifPresent(recipe -> bySlot.put(RecipeSlot.RANKING, recipe));
        return new RecipeSelection(bySlot);
    }

    /** Every slot with the default recipe. */
    public static RecipeSelection defaults() {
        Map<RecipeSlot, Recipe> all = new EnumMap<>(RecipeSlot.class);
        for (RecipeSlot slot : RecipeSlot.values()) {
            all.put(slot, Recipe.defaultFor(slot));
        }
        return new RecipeSelection(all);
    }

    public Optional<Recipe> recipe(RecipeSlot slot) {
        return Optional.ofNullable(bySlot.get(slot));
    }

    /** The selected recipes in slot order. */
    public List<Recipe> enabled() {
        return List.copyOf(bySlot.values());
    }
}
