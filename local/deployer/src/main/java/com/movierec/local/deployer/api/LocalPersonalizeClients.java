package com.movierec.local.deployer.api;

import com.movierec.api.personalize.PersonalizeClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The API's two Personalize clients pointed at personalize-local, signing with the API function's role session when
 * IAM is enforced (else a dummy key, so nothing looks for a developer's real credentials), and the deployed function's time limits and retry
 * strategy (one retry, then the API's 429/502/503), so the local API answers as the deployed one would.
 */
final class LocalPersonalizeClients {
    /** For an engine that enforces no IAM: a key nothing checks, so no developer's real credentials are looked up. */
    static final StaticCredentialsProvider NO_IAM =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalPersonalizeClients() {
    }

    static PersonalizeRuntimeClient runtime(URI endpoint, String region, SdkHttpClient http,
                                            AwsCredentialsProvider credentials) {
        return PersonalizeRuntimeClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(credentials).endpointOverride(endpoint)
                .overrideConfiguration(PersonalizeClients.overrides()).build();
    }

    static PersonalizeEventsClient events(URI endpoint, String region, SdkHttpClient http,
                                          AwsCredentialsProvider credentials) {
        return PersonalizeEventsClient.builder().httpClient(http).region(Region.of(region))
                .credentialsProvider(credentials).endpointOverride(endpoint)
                .overrideConfiguration(PersonalizeClients.overrides()).build();
    }
}
