package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.api.catalog.MovieCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {
    @Test
    void onlyTheRegionIsRequiredAndEverythingElseHasADefault() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.userPersonalizationCampaignArn()).isNull();
        assertThat(config.eventTrackerId()).isNull();
        assertThat(config.eventType()).isEqualTo("Watch");
        assertThat(config.itemsFile()).isEqualTo(Path.of("/opt/movierec/items.csv"));
        assertThat(config.knownUsersFile()).isEqualTo(Path.of("/opt/movierec/known-users.txt"));
        assertThat(config.allowedOrigins()).isEmpty();
        assertThat(config.runtimeEndpoint()).isNull();
    }

    @Test
    void blankVariablesCountAsUnset() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "RANKING_CAMPAIGN_ARN", " ", "EVENT_TYPE", "", "PERSONALIZE_RUNTIME_ENDPOINT", ""));

        assertThat(config.rankingCampaignArn()).isNull();
        assertThat(config.eventType()).isEqualTo("Watch");
        assertThat(config.runtimeEndpoint()).isNull();
    }

    @Test
    void localModeEndpointsAndOriginsAreRead() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "PERSONALIZE_RUNTIME_ENDPOINT", "http://localhost:4566",
                "PERSONALIZE_EVENTS_ENDPOINT", "http://127.0.0.1:4567",
                "ALLOWED_ORIGINS", "https://app.example.com, http://localhost:5173"));

        assertThat(config.runtimeEndpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(config.eventsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
        assertThat(config.allowedOrigins()).containsExactlyInAnyOrder("https://app.example.com", "http://localhost:5173");
    }

    @Test
    void everyWrongVariableIsNamedInOneStartupError() {
        assertThatThrownBy(() -> ApiConfig.fromEnvironment(Map.of(
                "USER_PERSONALIZATION_CAMPAIGN_ARN", "movierec-dev-campaign",
                "PERSONALIZE_EVENTS_ENDPOINT", "localhost:4566",
                "ALLOWED_ORIGINS", "https://app.example.com/path",
                "EVENT_TYPE", "Watch it")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The recommendations API cannot start: ")
                .hasMessageContaining("AWS_REGION is not set")
                .hasMessageContaining("USER_PERSONALIZATION_CAMPAIGN_ARN is not an ARN")
                .hasMessageContaining("PERSONALIZE_EVENTS_ENDPOINT must be an http(s) URL")
                .hasMessageContaining("ALLOWED_ORIGINS holds 'https://app.example.com/path'")
                .hasMessageContaining("EVENT_TYPE must be");
    }

    @Test
    void theAnswerCacheIsOffUnlessATtlIsSet() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(config.cache().enabled()).isFalse();
        assertThat(config.cache().maxEntries()).isEqualTo(10_000);
    }

    @Test
    void theAnswerCacheVariablesAreRead() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "CACHE_TTL_SECONDS", "60", "CACHE_MAX_ENTRIES", " 500 "));

        assertThat(config.cache().ttl()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(config.cache().maxEntries()).isEqualTo(500);
    }

    @Test
    void answerCacheVariablesOutOfRangeAreNamedInTheStartupError() {
        assertThatThrownBy(() -> ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "CACHE_TTL_SECONDS", "3601", "CACHE_MAX_ENTRIES", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CACHE_TTL_SECONDS must be a whole number from 0 to 3600")
                .hasMessageContaining("CACHE_MAX_ENTRIES must be a whole number from 1 to 100000");
        assertThatThrownBy(() -> ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "CACHE_TTL_SECONDS", "1m")))
                .hasMessageContaining("CACHE_TTL_SECONDS must be a whole number");
    }

    @Test
    void aMissingItemsFileStopsStartupSayingWhichVariableToSet() {
        ApiConfig config = ApiConfig.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "ITEMS_FILE", "/nonexistent/items.csv"));

        assertThatThrownBy(() -> MovieCatalog.load(config.itemsFile()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/items.csv does not exist: set ITEMS_FILE");
    }
}
