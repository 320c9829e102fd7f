package com.movierec.localmode.api;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The API's two Personalize clients pointed at personalize-local, with static dummy credentials so nothing looks
 * for a developer's real ones (the engine checks no signature).
 */
final class LocalPersonalizeClients {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalPersonalizeClients() {
    }

    static PersonalizeRuntimeClient runtime(URI endpoint, String region, SdkHttpClient http) {
        return PersonalizeRuntimeClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
    }

    static PersonalizeEventsClient events(URI endpoint, String region, SdkHttpClient http) {
        return PersonalizeEventsClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).endpointOverride(endpoint)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
    }
}
