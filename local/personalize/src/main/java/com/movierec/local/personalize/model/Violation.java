package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One constraint a request breaks.
 *
 * @param path       the member in AWS's notation: {@code solutionConfig.hpoConfig.hpoObjective.type}, list elements
 *                   {@code eventList.1.member.eventType} (1-based), map values {@code map.KEY.member}
 * @param value      the offending value; null when the member is missing
 * @param sensitive  the model marks the value sensitive, so the message leaves it out
 * @param constraint e.g. {@code Member must have length less than or equal to 63}
 */
public record Violation(String path, JsonNode value, boolean sensitive, String constraint) {
}
