package com.movierec.dataprep.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Personalize's import rules that data-prep can check before anyone waits for an import job: the minimum amount of
 * data to train, and the length limits that make an import fail. Each failure is one sentence saying by how much.
 */
public final class PersonalizeRules {
    public static final long MIN_INTERACTIONS = 1000;
    public static final long MIN_ACTIVE_USERS = 25;

    private PersonalizeRules() {
    }

    public static List<RuleCheck> check(long interactions, long usersWithTwo, Collection<DatasetReport> files) {
        List<RuleCheck> checks = new ArrayList<>();
        checks.add(interactions >= MIN_INTERACTIONS
                ? new RuleCheck("minimum interactions", true, interactions + " interactions (at least " + MIN_INTERACTIONS + " needed)")
                : new RuleCheck("minimum interactions", false, "Personalize needs at least " + MIN_INTERACTIONS
                        + " interactions to train, but only " + interactions + " remain after cleaning ("
                        + (MIN_INTERACTIONS - interactions) + " short); use a larger release or a lower --min-rating."));
        checks.add(usersWithTwo >= MIN_ACTIVE_USERS
                ? new RuleCheck("minimum users with 2+ interactions", true, usersWithTwo + " users with 2 or more interactions (at least " + MIN_ACTIVE_USERS + " needed)")
                : new RuleCheck("minimum users with 2+ interactions", false, "Personalize needs at least " + MIN_ACTIVE_USERS
                        + " users with 2 or more interactions each, but only " + usersWithTwo + " have them ("
                        + (MIN_ACTIVE_USERS - usersWithTwo) + " short); use a larger release or a lower --min-rating."));
        checks.add(limit("id length", Rejection.ID_TOO_LONG, 256, "ids", files));
        checks.add(limit("categorical value length", Rejection.CATEGORY_TOO_LONG, 1000, "categorical values (genres, occupations)", files));
        return checks;
    }

    private static RuleCheck limit(String rule, Rejection reason, int max, String what, Collection<DatasetReport> files) {
        long count = 0;
        long longest = 0;
        String firstAt = null;
        for (DatasetReport f : files) {
            DatasetReport.RejectionSummary e = f.rejections().get(reason.name());
            if (e != null) {
                count += e.count();
                longest = Math.max(longest, e.largest() == null ? 0 : e.largest());
                if (firstAt == null) {
                    firstAt = f.source() + " line " + e.firstLines().get(0);
                }
            }
        }
        if (count == 0) {
            return new RuleCheck(rule, true, "all " + what + " within Personalize's " + max + "-character limit");
        }
        return new RuleCheck(rule, false, count + " rows have " + what + " longer than Personalize's " + max
                + "-character limit (the longest has " + longest + ", " + (longest - max) + " over; first at " + firstAt
                + "); shorten or map them before importing.");
    }
}
