package com.movierec.lifecycle;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of the no-argument handler constructors: the light URLConnection HTTP client, the region from
 * {@code AWS_REGION}, and {@code PERSONALIZE_ENDPOINT} / {@code SFN_ENDPOINT} as endpoint overrides for local mode.
 * The SDK's own retries are off: {@link com.movierec.lifecycle.core.Retry} is the one retry policy.
 */
public final class AwsClients {
    static final String PERSONALIZE_ENDPOINT = "PERSONALIZE_ENDPOINT";
    static final String SFN_ENDPOINT = "SFN_ENDPOINT";

    private AwsClients() {
    }

    public static PersonalizeClient personalize() {
        return configure(PersonalizeClient.builder(), System.getenv(PERSONALIZE_ENDPOINT)).build();
    }

    public static SfnClient stepFunctions() {
        return configure(SfnClient.builder(), System.getenv(SFN_ENDPOINT)).build();
    }

    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String endpoint) {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: Lambda sets it; locally, export it");
        }
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
