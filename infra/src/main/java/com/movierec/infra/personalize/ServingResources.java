package com.movierec.infra.personalize;

import com.movierec.infra.config.RecipeSlot;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the recommendations API calls in an environment's Personalize stack.
 *
 * <p>Campaign and filter ARNs are built from their names, which are known at synth, rather than read from the custom
 * resources: a new recipe or event type replaces a campaign or filter under a new name, and CloudFormation refuses
 * to change an export another stack imports. A new name changes the API stack's template instead, so the API stack
 * is updated right after the Personalize stack. The event tracker is never replaced (one per dataset group, a fixed
 * name), so its tracking id is imported. Its ARN is not: IAM authorises PutEvents on {@code "*"} only (the PutEvents
 * API reference; the Service Authorization Reference lists no resource type for it), so the API needs none.
 *
 * @param campaignArns              the deployed campaigns by slot; a slot without a recipe has none
 * @param unwatchedFilterArn        excludes the movies a user watched
 * @param unwatchedInGenreFilterArn the same, plus only the genre passed at request time
 * @param eventTrackingId           what PutEvents names as trackingId
 * @param eventType                 the interactions' EVENT_TYPE for a watched movie
 */
public record ServingResources(Map<RecipeSlot, String> campaignArns, String unwatchedFilterArn,
                               String unwatchedInGenreFilterArn, String eventTrackingId, String eventType) {

    public ServingResources {
        Objects.requireNonNull(unwatchedFilterArn, "unwatchedFilterArn");
        Objects.requireNonNull(unwatchedInGenreFilterArn, "unwatchedInGenreFilterArn");
        Objects.requireNonNull(eventTrackingId, "eventTrackingId");
        Objects.requireNonNull(eventType, "eventType");
        campaignArns = campaignArns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(campaignArns));
    }

    public Optional<String> campaignArn(RecipeSlot slot) {
        return Optional.ofNullable(campaignArns.get(slot));
    }
}
