package com.movierec.api.personalize;

import com.movierec.api.ApiConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.endpoints.PersonalizeEventsEndpointParams;
import software.amazon.awssdk.services.personalizeevents.endpoints.PersonalizeEventsEndpointProvider;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.endpoints.PersonalizeRuntimeEndpointParams;
import software.amazon.awssdk.services.personalizeruntime.endpoints.PersonalizeRuntimeEndpointProvider;

/**
 * Builds the two Personalize clients once per instance with everything explicit, so the SDK discovers as little as
 * possible at start-up (each item below is measured in bench/RESULTS.md):
 * <ul>
 * <li>one shared URLConnection HTTP client (no Netty/Apache);</li>
 * <li>the region from the configuration ({@code AWS_REGION}), no region provider chain;</li>
 * <li>credentials chosen once from what is set, in the default chain's order, instead of building the chain:
 * {@code aws.accessKeyId} system properties, else the {@code AWS_ACCESS_KEY_ID} variables (Lambda without SnapStart),
 * else Lambda's container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}: SnapStart functions get these
 * instead of the key variables, and they are refreshed after a restore), and only when none of them is set the
 * default chain (a developer's profile);</li>
 * <li>the retry strategy given outright (the SDK's legacy strategy, which is what the default mode resolved to, with
 * two attempts), so no retry-mode lookup;</li>
 * <li>the regional endpoint ({@code https://personalize-runtime.REGION.amazonaws.com}, and {@code personalize-events})
 * computed once for the standard AWS partition, so the endpoint rules engine and its partition table are never
 * loaded; other partitions, FIPS and dual-stack still go through the SDK's rules.</li>
 * </ul>
 * Time limits are short because a person waits for the answer: one retry, then the API answers 429/502/503 rather
 * than hanging until API Gateway's 29 s limit.
 */
public final class PersonalizeClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(2_500);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(6);
    static final int MAX_ATTEMPTS = 2;
    /** The regions of the {@code aws} partition are {@code PREFIX-word-digits} with these prefixes. */
    private static final String[] AWS_PARTITION_PREFIXES = {"us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"};

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
                .credentialsProvider(credentialsProvider(System.getenv(), System.getProperties()))
                .overrideConfiguration(overrides())
                .endpointProvider(runtimeEndpoints(config.region()));
        if (config.runtimeEndpoint() != null) {
            builder.endpointOverride(config.runtimeEndpoint());
        }
        return builder.build();
    }

    public static PersonalizeEventsClient events(ApiConfig config, SdkHttpClient http) {
        var builder = PersonalizeEventsClient.builder()
                .httpClient(http)
                .region(Region.of(config.region()))
                .credentialsProvider(credentialsProvider(System.getenv(), System.getProperties()))
                .overrideConfiguration(overrides())
                .endpointProvider(eventsEndpoints(config.region()));
        if (config.eventsEndpoint() != null) {
            builder.endpointOverride(config.eventsEndpoint());
        }
        return builder.build();
    }

    /**
     * The time limits and the retry strategy (one retry) of the API's clients; a new object per client, so each has
     * its own retry token bucket. Public so the local HTTP adapter's clients behave as the deployed function's.
     */
    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.legacyRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .build();
    }

    /** The credentials provider the default chain would end up using here, chosen without building the chain. */
    static AwsCredentialsProvider credentialsProvider(Map<String, String> env, Properties systemProperties) {
        if (isSet(systemProperties.getProperty("aws.accessKeyId"))) {
            return SystemPropertyCredentialsProvider.create();
        }
        if (isSet(env.get("AWS_ACCESS_KEY_ID"))) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        boolean webIdentityOrProfile = isSet(env.get("AWS_WEB_IDENTITY_TOKEN_FILE")) || isSet(env.get("AWS_PROFILE"));
        if (!webIdentityOrProfile && (isSet(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || isSet(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")))) {
            return ContainerCredentials.SHARED;
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** One container credentials provider per instance: both clients share its cached, refreshed credentials. */
    private static final class ContainerCredentials {
        static final AwsCredentialsProvider SHARED = ContainerCredentialsProvider.builder().build();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * {@code https://SERVICE.REGION.amazonaws.com} when {@code region} is one of the standard AWS partition's
     * ({@code us-east-1}, {@code eu-west-1}, ...), else null: China, GovCloud, ISO and sovereign partitions have
     * other domains and are left to the SDK's rules.
     */
    static URI regionalEndpoint(String service, String region) {
        String[] parts = region.split("-", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        boolean prefixKnown = false;
        for (String prefix : AWS_PARTITION_PREFIXES) {
            prefixKnown |= prefix.equals(parts[0]);
        }
        for (int i = 0; i < parts[1].length(); i++) {
            char c = parts[1].charAt(i);
            prefixKnown &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        for (int i = 0; i < parts[2].length(); i++) {
            prefixKnown &= parts[2].charAt(i) >= '0' && parts[2].charAt(i) <= '9';
        }
        return prefixKnown ? URI.create("https://" + service + "." + region + ".amazonaws.com") : null;
    }

    /**
     * The endpoint without the rules engine where the answer is fixed: the configured override (what the rules
     * return for it) or the standard regional endpoint. Anything else (FIPS, dual-stack, another region or partition)
     * goes to the SDK's rules, created when first needed.
     */
    static PersonalizeRuntimeEndpointProvider runtimeEndpoints(String region) {
        FixedEndpoint fixed = new FixedEndpoint("personalize-runtime", region);
        Supplier<PersonalizeRuntimeEndpointProvider> rules = lazily(PersonalizeRuntimeEndpointProvider::defaultProvider);
        return params -> fixed.or(params.endpoint(), params.useFips(), params.useDualStack(), params.region(),
                () -> rules.get().resolveEndpoint(params));
    }

    static PersonalizeEventsEndpointProvider eventsEndpoints(String region) {
        FixedEndpoint fixed = new FixedEndpoint("personalize-events", region);
        Supplier<PersonalizeEventsEndpointProvider> rules = lazily(PersonalizeEventsEndpointProvider::defaultProvider);
        return params -> fixed.or(params.endpoint(), params.useFips(), params.useDualStack(), params.region(),
                () -> rules.get().resolveEndpoint(params));
    }

    /** One service's fixed answer: the override, or its standard endpoint in the configured region. */
    private record FixedEndpoint(URI regional, Region configured) {
        FixedEndpoint(String service, String region) {
            this(regionalEndpoint(service, region), Region.of(region));
        }

        CompletableFuture<Endpoint> or(String override, Boolean fips, Boolean dualStack, Region asked,
                                       Supplier<CompletableFuture<Endpoint>> rules) {
            URI fixed = fixedEndpoint(override, fips, dualStack, configured.equals(asked) ? regional : null);
            return fixed != null ? CompletableFuture.completedFuture(Endpoint.builder().url(fixed).build()) : rules.get();
        }
    }

    /** Creates the SDK's rules engine only when a request needs it: building it is what this class avoids. */
    private static <T> Supplier<T> lazily(Supplier<T> create) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = create.get();
                }
                return value;
            }
        };
    }

    private static URI fixedEndpoint(String override, Boolean useFips, Boolean useDualStack, URI regional) {
        if (Boolean.TRUE.equals(useFips) || Boolean.TRUE.equals(useDualStack)) {
            return null;
        }
        return override != null ? URI.create(override) : regional;
    }
}
