package com.movierec.dataprep.report;

/** One of Personalize's import rules, checked against the prepared data. */
public record RuleCheck(String rule, boolean passed, String detail) {
}
