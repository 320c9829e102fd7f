package com.movierec.infra.api;

import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.personalize.ServingResources;
import com.movierec.schemas.contract.ApiEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables of the API Lambda's contract (lambdas/api/README.md). A slot without a campaign gets no
 * variable, so its endpoint answers 503 NOT_CONFIGURED.
 */
final class ApiFunctionEnvironment {
    static final String SERVICE_NAME = "movierec-api";
    private static final Map<RecipeSlot, String> CAMPAIGN_VARIABLES = Map.of(
            RecipeSlot.USER_PERSONALIZATION, ApiEnvironment.USER_PERSONALIZATION_CAMPAIGN_ARN,
            RecipeSlot.RELATED_ITEMS, ApiEnvironment.RELATED_ITEMS_CAMPAIGN_ARN,
            RecipeSlot.POPULARITY, ApiEnvironment.POPULARITY_CAMPAIGN_ARN,
            RecipeSlot.RANKING, ApiEnvironment.RANKING_CAMPAIGN_ARN);

    private ApiFunctionEnvironment() {
    }

    static Map<String, String> of(ServingResources serving, ApiSettings settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (RecipeSlot slot : RecipeSlot.values()) {
            serving.campaignArn(slot).ifPresent(arn -> variables.put(CAMPAIGN_VARIABLES.get(slot), arn));
        }
        variables.put(ApiEnvironment.UNWATCHED_FILTER_ARN, serving.unwatchedFilterArn());
        variables.put(ApiEnvironment.UNWATCHED_IN_GENRE_FILTER_ARN, serving.unwatchedInGenreFilterArn());
        variables.put(ApiEnvironment.EVENT_TRACKER_ID, serving.eventTrackingId());
        variables.put(ApiEnvironment.EVENT_TYPE, serving.eventType());
        variables.put(ApiEnvironment.ITEMS_FILE, ApiDataLayer.ITEMS_FILE);
        variables.put(ApiEnvironment.KNOWN_USERS_FILE, ApiDataLayer.KNOWN_USERS_FILE);
        if (!settings.allowedOrigins().isEmpty()) {
            variables.put(ApiEnvironment.ALLOWED_ORIGINS, String.join(",", settings.allowedOrigins()));
        }
        variables.put(ApiEnvironment.CACHE_TTL_SECONDS, Integer.toString(settings.cache().ttlSeconds()));
        variables.put(ApiEnvironment.CACHE_MAX_ENTRIES, Integer.toString(settings.cache().maxEntries()));
        variables.put(ApiEnvironment.AUTH_MODE, settings.auth().configValue());
        variables.put("POWERTOOLS_SERVICE_NAME", SERVICE_NAME);
        return variables;
    }
}
