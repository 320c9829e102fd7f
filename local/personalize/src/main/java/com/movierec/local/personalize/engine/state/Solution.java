package com.movierec.local.personalize.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.recipe.Recipe;
import java.time.Instant;

/**
 * A solution: a recipe and its training settings. performAutoTraining and the auto-training schedule change in
 * place (UpdateSolution); Personalize-local records them but trains only on CreateSolutionVersion.
 */
public final class Solution extends Resource {
    /** What UpdateSolution asked for; {@code solutionUpdateConfig} is echoed in latestSolutionUpdate. */
    public record Change(boolean performAutoTraining, JsonNode solutionUpdateConfig) {
    }

    private final String groupArn;
    private final Recipe recipe;
    private final String recipeArn;
    private final boolean performHPO;
    private final boolean performIncrementalUpdate;
    private final String eventType;
    private final Double eventValueThreshold;
    private volatile boolean performAutoTraining;
    private volatile JsonNode solutionConfig;
    private volatile Update<Change> latestUpdate;
    private volatile SolutionVersion latestVersion;

    public Solution(String arn, String name, long sequence, Instant now, String groupArn, Recipe recipe,
                    String recipeArn, boolean performHPO, boolean performAutoTraining, boolean performIncrementalUpdate,
                    String eventType, Double eventValueThreshold, JsonNode solutionConfig) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.groupArn = groupArn;
        this.recipe = recipe;
        this.recipeArn = recipeArn;
        this.performHPO = performHPO;
        this.performAutoTraining = performAutoTraining;
        this.performIncrementalUpdate = performIncrementalUpdate;
        this.eventType = eventType;
        this.eventValueThreshold = eventValueThreshold;
        this.solutionConfig = solutionConfig;
    }

    public String groupArn() {
        return groupArn;
    }

    public Recipe recipe() {
        return recipe;
    }

    public String recipeArn() {
        return recipeArn;
    }

    public boolean performHPO() {
        return performHPO;
    }

    public boolean performAutoTraining() {
        return performAutoTraining;
    }

    public boolean performIncrementalUpdate() {
        return performIncrementalUpdate;
    }

    /** Train only on events of this type; null for all. */
    public String eventType() {
        return eventType;
    }

    /** solutionConfig.eventValueThreshold as a number; null when not set. */
    public Double eventValueThreshold() {
        return eventValueThreshold;
    }

    /** The solutionConfig as Describe reports it (an object, possibly empty). */
    public JsonNode solutionConfig() {
        return solutionConfig;
    }

    public Update<Change> latestUpdate() {
        return latestUpdate;
    }

    public void latestUpdate(Update<Change> value) {
        latestUpdate = value;
    }

    /** Applies a finished UpdateSolution. */
    public void apply(boolean autoTraining, JsonNode config) {
        performAutoTraining = autoTraining;
        solutionConfig = config;
    }

    /** The newest version; null before the first CreateSolutionVersion. */
    public SolutionVersion latestVersion() {
        return latestVersion;
    }

    public void latestVersion(SolutionVersion value) {
        latestVersion = value;
    }

    @Override
    public String kind() {
        return "solution";
    }
}
