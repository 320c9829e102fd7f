package com.movierec.api.personalize;

import java.time.Instant;

/**
 * What a user did with a movie, validated. Null {@code eventType}, {@code sessionId} and {@code sentAt} take their
 * defaults (EVENT_TYPE, the user id, now); {@code recommendationId} ties the event to the answer that showed it.
 */
public record UserEvent(String userId, String movieId, String eventType, String sessionId, String recommendationId,
        Instant sentAt) {
}
