package com.movierec.api.personalize;

import com.movierec.api.ApiConfig;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * Builds the two Personalize clients once per instance: one shared URLConnection HTTP client (no Netty/Apache),
 * the region from the configuration (no provider chain lookup), and the default credentials chain, which picks
 * Lambda's container credentials under SnapStart. Time limits are short because a person waits for the answer:
 * one retry, then the API answers 429/502/503 rather than hanging until API Gateway's 29 s limit.
 */
public final class PersonalizeClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(2_500);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);
    static final int MAX_ATTEMPTS = 2;
    private static final ClientOverrideConfiguration OVERRIDES = ClientOverrideConfiguration.builder()
            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
            .apiCallTimeout(CALL_TIMEOUT)
            .retryStrategy(strategy -> strategy.maxAttempts(MAX_ATTEMPTS))
            .build();

    private PersonalizeClients() {
    }

    /** The light HTTP client both Personalize clients share. */
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    public static PersonalizeRuntimeClient runtime(ApiConfig config, SdkHttpClient http) {
        var builder = PersonalizeRuntimeClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .overrideConfiguration(OVERRIDES);
        if (config.runtimeEndpoint() != null) {
            builder.endpointOverride(config.runtimeEndpoint());
        }
        return builder.build();
    }

    public static PersonalizeEventsClient events(ApiConfig config, SdkHttpClient http) {
        var builder = PersonalizeEventsClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .overrideConfiguration(OVERRIDES);
        if (config.eventsEndpoint() != null) {
            builder.endpointOverride(config.eventsEndpoint());
        }
        return builder.build();
    }
}
