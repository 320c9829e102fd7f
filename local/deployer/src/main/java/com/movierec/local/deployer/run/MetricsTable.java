package com.movierec.local.deployer.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The offline metrics of the served models as a table, and user personalization's gain over popularity. */
final class MetricsTable {
    static final String USER_PERSONALIZATION = "aws-user-personalization-v2";
    static final String POPULARITY = "aws-popularity-count";
    /** Issue 5's bar for user personalization over popularity count, by NDCG@10. */
    static final double TARGET_GAIN = 1.6;

    private MetricsTable() {
    }

    static String format(List<ServedModelMetrics> served) {
        int nameWidth = Math.max("campaign".length(),
                served.stream().mapToInt(m -> m.campaignName().length()).max().orElse(0));
        int recipeWidth = Math.max("recipe".length(),
                served.stream().mapToInt(m -> m.recipe().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-" + recipeWidth + "s  %8s  %12s  %7s  %8s%n";
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row,
                "campaign", "recipe", "NDCG@10", "precision@10", "MRR@25", "coverage"));
        for (ServedModelMetrics m : served) {
            table.append(String.format(Locale.ROOT, row, m.campaignName(), m.recipe(),
                    number(m.metric(ServedModelMetrics.NDCG_AT_10)),
                    number(m.metric(ServedModelMetrics.PRECISION_AT_10)),
                    number(m.metric(ServedModelMetrics.MRR_AT_25)),
                    number(m.metric(ServedModelMetrics.COVERAGE))));
        }
        gain(served).ifPresent(gain -> table.append(String.format(Locale.ROOT,
                "User personalization's NDCG@10 is %.2fx popularity count's (%s; the bar is %.1fx).%n",
                gain, gain >= TARGET_GAIN ? "above the bar" : "BELOW the bar", TARGET_GAIN)));
        return table.toString();
    }

    /** NDCG@10 of user personalization over popularity count, when both are served. */
    static Optional<Double> gain(List<ServedModelMetrics> served) {
        Optional<ServedModelMetrics> personalized = byRecipe(served, USER_PERSONALIZATION);
        Optional<ServedModelMetrics> popular = byRecipe(served, POPULARITY);
        if (personalized.isEmpty() || popular.isEmpty()
                || !(popular.get().metric(ServedModelMetrics.NDCG_AT_10) > 0)) {
            return Optional.empty();
        }
        return Optional.of(personalized.get().metric(ServedModelMetrics.NDCG_AT_10)
                / popular.get().metric(ServedModelMetrics.NDCG_AT_10));
    }

    private static Optional<ServedModelMetrics> byRecipe(List<ServedModelMetrics> served, String recipe) {
        return served.stream().filter(m -> m.recipe().equals(recipe)).findFirst();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
