package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.recipe.TrainedModel;
import java.time.Instant;
import java.util.Map;

/** A training of a solution: once ACTIVE, a trained model and its offline metrics. */
public final class SolutionVersion extends Resource {
    private final Solution solution;
    private final String trainingMode;
    private volatile TrainedModel model;
    private volatile Map<String, Double> metrics = Map.of();
    private volatile double trainingHours;

    /** @param name the optional name CreateSolutionVersion gave; null if none */
    public SolutionVersion(String arn, String name, long sequence, Instant now, Solution solution, String trainingMode) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.solution = solution;
        this.trainingMode = trainingMode;
    }

    public Solution solution() {
        return solution;
    }

    /** FULL or UPDATE. */
    public String trainingMode() {
        return trainingMode;
    }

    /** The trained model; null until ACTIVE. */
    public TrainedModel model() {
        return model;
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    public double trainingHours() {
        return trainingHours;
    }

    /** Stores what the training produced; the version becomes ACTIVE separately. */
    public void trained(TrainedModel trainedModel, Map<String, Double> offlineMetrics, double hours) {
        model = trainedModel;
        metrics = Map.copyOf(offlineMetrics);
        trainingHours = hours;
    }

    @Override
    public String kind() {
        return "solution-version";
    }
}
