package com.movierec.dataprep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule sentences at and around Personalize's limits, and the reconciliation guard of the report. */
class PersonalizeRulesCheckTest {

    private static DatasetReport clean(String source) {
        return DatasetReport.of("x.csv", source, "UTF-8", false, 0, 10, 10, 0, 0, new RejectionTally());
    }

    private static RuleCheck rule(List<RuleCheck> checks, String name) {
        return checks.stream().filter(c -> c.rule().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"999, false, 1 short", "1000, true, ", "0, false, 1000 short", "1001, true, "})
    void minimumInteractionsIsOneThousand(long interactions, boolean passes, String shortBy) {
        RuleCheck check = rule(PersonalizeRules.check(interactions, 25, List.of()), "minimum interactions");

        assertThat(check.passed()).isEqualTo(passes);
        if (!passes) {
            assertThat(check.detail()).contains("only " + interactions + " remain after cleaning (" + shortBy + ")");
        }
    }

    @ParameterizedTest
    @CsvSource({"24, false", "25, true", "0, false"})
    void minimumActiveUsersIsTwentyFive(long users, boolean passes) {
        RuleCheck check = rule(PersonalizeRules.check(1000, users, List.of()), "minimum users with 2+ interactions");

        assertThat(check.passed()).isEqualTo(passes);
        if (!passes) {
            assertThat(check.detail()).contains("but only " + users + " have them (" + (25 - users) + " short)");
        }
    }

    @Test
    void idRuleNamesTheLimitTheLongestIdAndWhereTheFirstOneIs() {
        RejectionTally tally = new RejectionTally();
        tally.reject(Rejection.ID_TOO_LONG, 17, "user id on line 17 has 300 characters", 300);
        tally.reject(Rejection.ID_TOO_LONG, 40, "user id on line 40 has 512 characters", 512);
        DatasetReport ratings = DatasetReport.of("interactions.csv", "ratings.dat", "ISO-8859-1", false, 0, 12, 10, 0, 0, tally);

        RuleCheck check = rule(PersonalizeRules.check(1000, 25, List.of(clean("movies.dat"), ratings)), "id length");

        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).isEqualTo("2 rows have ids longer than Personalize's 256-character limit"
                + " (the longest has 512, 256 over; first at ratings.dat line 17); shorten or map them before importing.");
    }

    @Test
    void allRulesPassOnCleanData() {
        List<RuleCheck> checks = PersonalizeRules.check(100_000, 943, List.of(clean("u.item"), clean("u.data")));

        assertThat(checks).extracting(RuleCheck::rule).containsExactly("minimum interactions",
                "minimum users with 2+ interactions", "id length", "categorical value length");
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).isTrue());
    }

    @Test
    void reportThatDoesNotReconcileIsABug() {
        assertThatThrownBy(() -> DatasetReport.of("x.csv", "x.dat", "UTF-8", false, 0, 10, 9, 0, 0, new RejectionTally()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not reconcile");
    }

    @Test
    void tallyKeepsTheFirstFiveLinesAndTheFirstExample() {
        RejectionTally tally = new RejectionTally();
        for (long line = 10; line < 20; line++) {
            tally.reject(Rejection.BAD_RATING, line, "rating on line " + line);
        }

        DatasetReport d = DatasetReport.of("x.csv", "x.dat", "UTF-8", false, 0, 10, 0, 0, 0, tally);

        DatasetReport.RejectionSummary s = d.rejections().get("BAD_RATING");
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.firstLines()).containsExactly(10L, 11L, 12L, 13L, 14L);
        assertThat(s.example()).isEqualTo("rating on line 10");
        assertThat(s.largest()).isNull();
    }
}
