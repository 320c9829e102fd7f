package com.movierec.dataprep.report;

import java.util.List;
import java.util.Map;

/**
 * The result of a data-prep run, written as report.json. Nothing in it depends on the machine or the clock, so the
 * same input always gives the same report and the prepared directory hashes the same (CDK assets rely on that).
 */
public record PrepReport(
        String input,
        String format,
        String domain,
        String eventType,
        Double minRating,
        Map<String, DatasetReport> datasets,
        Counts counts,
        TimeSpan timeSpan,
        List<RuleCheck> personalizeRules,
        List<String> notes) {

    /**
     * @param users                           distinct users in the written interactions
     * @param items                           distinct movies in the written interactions
     * @param interactionsWithoutItemMetadata interactions whose movie is not in items.csv
     * @param itemsWithoutInteractions        movies in items.csv nobody rated (cold items)
     */
    public record Counts(long users, long items, long interactions, long usersWithAtLeastTwoInteractions,
                         long itemsInCatalog, long usersWithMetadata, long interactionsWithoutItemMetadata,
                         long itemsWithoutInteractions) {
    }

    /** First and last interaction, in UTC. */
    public record TimeSpan(String first, String last, long firstEpochSeconds, long lastEpochSeconds, long days) {
    }

    public boolean passed() {
        return personalizeRules.stream().allMatch(RuleCheck::passed);
    }

    /** The sentences of the rules that failed. */
    public List<String> failures() {
        return personalizeRules.stream().filter(r -> !r.passed()).map(RuleCheck::detail).toList();
    }
}
