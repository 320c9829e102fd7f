package com.movierec.api;

import com.movierec.api.cache.CacheSettings;
import com.movierec.api.auth.AuthMode;
import com.movierec.schemas.contract.ApiEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's settings, read once from the environment. Campaigns, filters and the event tracker are optional (an
 * endpoint without its campaign answers 503 NOT_CONFIGURED); a malformed value stops start-up with one sentence
 * naming every variable that is wrong. Blank variables count as unset, so a stack may pass "" for "none".
 *
 * @param userPersonalizationCampaignArn GET /users/{userId}/recommendations, or null
 * @param relatedItemsCampaignArn GET /movies/{movieId}/similar, or null
 * @param popularityCampaignArn GET /movies/popular and the fallback for users the model does not know, or null
 * @param rankingCampaignArn POST /users/{userId}/rankings, or null
 * @param unwatchedFilterArn excludes what the user watched, or null for no filter
 * @param unwatchedInGenreFilterArn the same plus {@code GENRE} as a parameter; null means no genre filtering
 * @param eventTrackerId POST /events, or null
 * @param eventType the event type recorded when a POST /events body names none
 * @param itemsFile data-prep's items.csv
 * @param knownUsersFile the users of the training data, one per line; an absent file means every user is known
 * @param allowedOrigins CORS origins; {@code *} only when configured as such; empty for no CORS headers
 * @param region the AWS region of the Personalize resources
 * @param runtimeEndpoint a Personalize-runtime-compatible endpoint (local mode), or null for AWS's
 * @param eventsEndpoint a Personalize-events-compatible endpoint (local mode), or null for AWS's
 * @param cache how long answers are reused and how many are kept; off unless CACHE_TTL_SECONDS is set
 * @param authMode how API Gateway authenticated callers: with jwt, a signed-in user acts only for itself
 */
public record ApiConfig(
        String userPersonalizationCampaignArn,
        String relatedItemsCampaignArn,
        String popularityCampaignArn,
        String rankingCampaignArn,
        String unwatchedFilterArn,
        String unwatchedInGenreFilterArn,
        String eventTrackerId,
        String eventType,
        Path itemsFile,
        Path knownUsersFile,
        Set<String> allowedOrigins,
        String region,
        URI runtimeEndpoint,
        URI eventsEndpoint,
        CacheSettings cache,
        AuthMode authMode) {

    public static final String DEFAULT_EVENT_TYPE = "Watch";
    private static final int MAX_NAME_LENGTH = 256;

    public ApiConfig {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Reads the variables of the README's table from {@code env} (the process environment in Lambda). */
    public static ApiConfig fromEnvironment(Map<String, String> env) {
        Reader reader = new Reader(env);
        ApiConfig config = new ApiConfig(
                reader.arn(ApiEnvironment.USER_PERSONALIZATION_CAMPAIGN_ARN),
                reader.arn(ApiEnvironment.RELATED_ITEMS_CAMPAIGN_ARN),
                reader.arn(ApiEnvironment.POPULARITY_CAMPAIGN_ARN),
                reader.arn(ApiEnvironment.RANKING_CAMPAIGN_ARN),
                reader.arn(ApiEnvironment.UNWATCHED_FILTER_ARN),
                reader.arn(ApiEnvironment.UNWATCHED_IN_GENRE_FILTER_ARN),
                reader.name(ApiEnvironment.EVENT_TRACKER_ID, null),
                reader.name(ApiEnvironment.EVENT_TYPE, DEFAULT_EVENT_TYPE),
                Path.of(reader.text(ApiEnvironment.ITEMS_FILE, ApiEnvironment.DEFAULT_ITEMS_FILE)),
                Path.of(reader.text(ApiEnvironment.KNOWN_USERS_FILE, ApiEnvironment.DEFAULT_KNOWN_USERS_FILE)),
                reader.origins(ApiEnvironment.ALLOWED_ORIGINS),
                reader.required("AWS_REGION"),
                reader.endpoint(ApiEnvironment.PERSONALIZE_RUNTIME_ENDPOINT),
                reader.endpoint(ApiEnvironment.PERSONALIZE_EVENTS_ENDPOINT),
                reader.cache(),
                reader.authMode(ApiEnvironment.AUTH_MODE));
        reader.failIfAnyProblem();
        return config;
    }

    /** Collects every problem before failing, so one deploy shows all of them. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        String required(String name) {
            String value = text(name, null);
            if (value == null) {
                problems.add(name + " is not set");
            }
            return value;
        }

        String arn(String name) {
            String value = text(name, null);
            if (value != null && (!value.startsWith("arn:") || value.length() > 2048 || hasWhitespace(value))) {
                problems.add(name + " is not an ARN (it must start with arn: and hold no spaces)");
            }
            return value;
        }

        String name(String name, String fallback) {
            String value = text(name, fallback);
            if (value != null && (value.length() > MAX_NAME_LENGTH || hasWhitespace(value))) {
                problems.add(name + " must be 1 to " + MAX_NAME_LENGTH + " characters without spaces");
            }
            return value;
        }

        URI endpoint(String name) {
            String value = text(name, null);
            if (value == null) {
                return null;
            }
            try {
                URI uri = URI.create(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problems.add(name + " must be an http(s) URL such as http://localhost:4566");
            return null;
        }

        /** CACHE_TTL_SECONDS (0 to an hour; unset: 0, no cache) and CACHE_MAX_ENTRIES. */
        CacheSettings cache() {
            int ttl = wholeNumber(ApiEnvironment.CACHE_TTL_SECONDS, 0, 0, ApiEnvironment.MAX_CACHE_TTL_SECONDS);
            int entries = wholeNumber(ApiEnvironment.CACHE_MAX_ENTRIES, ApiEnvironment.DEFAULT_CACHE_MAX_ENTRIES, 1,
                    ApiEnvironment.MAX_CACHE_ENTRIES);
            return new CacheSettings(Duration.ofSeconds(ttl), entries);
        }

        int wholeNumber(String name, int fallback, int min, int max) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            if (value.matches("[0-9]{1,9}")) {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            }
            problems.add(name + " must be a whole number from " + min + " to " + max);
            return fallback;
        }

        AuthMode authMode(String name) {
            String value = text(name, AuthMode.API_KEY.variableValue());
            return AuthMode.of(value).orElseGet(() -> {
                problems.add(name + " must be " + ApiEnvironment.AUTH_MODE_JWT + ", " + ApiEnvironment.AUTH_MODE_API_KEY
                        + " or " + ApiEnvironment.AUTH_MODE_IAM + " (the stack's api.auth)");
                return null;
            });
        }

        Set<String> origins(String name) {
            Set<String> origins = new LinkedHashSet<>();
            for (String origin : text(name, "").split(",")) {
                String o = origin.strip();
                if (o.isEmpty()) {
                    continue;
                }
                if (!o.equals("*") && !isOrigin(o)) {
                    problems.add(name + " holds '" + o + "', which is neither * nor an origin like https://app.example.com");
                }
                origins.add(o);
            }
            return origins;
        }

        void failIfAnyProblem() {
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The recommendations API cannot start: " + String.join("; ", problems)
                        + ". See lambdas/api/README.md for every variable.");
            }
        }

        private static boolean isOrigin(String value) {
            try {
                URI uri = URI.create(value);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean hasWhitespace(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (Character.isWhitespace(value.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
