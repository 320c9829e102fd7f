package com.movierec.infra.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which recipe each slot deploys; a slot that is absent deploys no campaign. */
public record RecipeSelection(Map<RecipeSlot, Recipe> bySlot) {

    public RecipeSelection {
        if (bySlot.isEmpty()) {
            throw new IllegalArgumentException("a recipe selection needs at least one recipe");
        }
        bySlot.forEach((slot, recipe) -> {
            if (recipe.slot() != slot) {
                throw new IllegalArgumentException(recipe.id() + " cannot fill the " + slot.configKey() + " slot: use one of "
                        + Recipe.forSlot(slot).stream().map(Recipe::id).toList());
            }
        });
        bySlot = Collections.unmodifiableMap(new EnumMap<>(bySlot));
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
