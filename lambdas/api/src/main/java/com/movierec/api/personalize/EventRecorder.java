package com.movierec.api.personalize;

import com.movierec.api.ApiConfig;
import com.movierec.api.cache.AnswerCache;
import com.movierec.api.catalog.KnownUsers;
import com.movierec.api.http.ApiException;
import java.time.Clock;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;

/**
 * Records interactions through the event tracker, so the campaigns react to them within seconds, and drops the
 * user's cached answers, so the next request for them asks Personalize again.
 */
public final class EventRecorder {
    private final ApiConfig config;
    private final PersonalizeEventsClient events;
    private final KnownUsers knownUsers;
    private final Clock clock;
    private final AnswerCache<AnswerKey, RecommendationList> cache;

    public EventRecorder(ApiConfig config, PersonalizeEventsClient events, KnownUsers knownUsers, Clock clock,
            AnswerCache<AnswerKey, RecommendationList> cache) {
        this.config = config;
        this.events = events;
        this.knownUsers = knownUsers;
        this.clock = clock;
        this.cache = cache;
    }

    public void record(UserEvent event) {
        if (config.eventTrackerId() == null) {
            throw ApiException.notConfigured("Recording events");
        }
        Event personalizeEvent = Event.builder()
                .eventType(event.eventType() != null ? event.eventType() : config.eventType())
                .itemId(event.movieId())
                .sentAt(event.sentAt() != null ? event.sentAt() : clock.instant())
                .recommendationId(event.recommendationId())
                .build();
        try {
            events.putEvents(PutEventsRequest.builder()
                    .trackingId(config.eventTrackerId())
                    .userId(event.userId())
                    // One session per user unless the frontend tracks its own: Personalize requires one.
                    .sessionId(event.sessionId() != null ? event.sessionId() : event.userId())
                    .eventList(personalizeEvent)
                    .build());
        } catch (SdkException e) {
            // A call that timed out may still have been recorded.
            cache.invalidateUser(event.userId());
            throw PersonalizeErrors.translate("PutEvents", e);
        }
        // Known first: an answer loaded after the invalidation must not be the popular fallback any more.
        knownUsers.recordActivity(event.userId());
        cache.invalidateUser(event.userId());
    }
}
