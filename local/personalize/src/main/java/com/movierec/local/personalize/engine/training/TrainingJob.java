package com.movierec.local.personalize.engine.training;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.metrics.OfflineEvaluation;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.TrainedModel;
import com.movierec.local.personalize.recipe.Trainer;
import com.movierec.local.personalize.recipe.TrainingOptions;
import java.util.Map;

/**
 * One CreateSolutionVersion's work: the offline metrics (a model trained on Personalize's holdout split) and the
 * model the campaign serves (trained on everything). Deterministic given the data and options.
 */
public final class TrainingJob {
    /** What a finished training leaves: the model, its metrics and how long it took. */
    public record Result(TrainedModel model, Map<String, Double> metrics, double hours) {
    }

    private TrainingJob() {
    }

    /** @throws JobFailure with the failureReason when the data cannot train this recipe */
    public static Result run(Recipe recipe, Interactions interactions, ItemCatalog items, TrainingOptions options) {
        if (interactions.size() == 0) {
            throw new JobFailure("The Interactions dataset has no data: import interactions before training.");
        }
        if (recipe == Recipe.SIMILAR_ITEMS && items.size() == 0) {
            throw new JobFailure(recipe.recipeName() + " uses item metadata: import an Items dataset before training.");
        }
        long started = System.nanoTime();
        try {
            Map<String, Double> metrics = OfflineEvaluation.evaluate(recipe, interactions, items, options);
            TrainedModel model = Trainer.train(recipe, interactions, items, options);
            return new Result(model, metrics, (System.nanoTime() - started) / 3.6e12);
        } catch (IllegalArgumentException e) {
            throw new JobFailure("Training " + recipe.recipeName() + " failed: " + e.getMessage() + ".");
        }
    }
}
