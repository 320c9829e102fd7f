package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.fail;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * An in-process personalize-local and the three real SDK v2 clients pointed at it, as the project's Lambdas build
 * them: URLConnection HTTP client, static dummy credentials, us-east-1, endpointOverride. The clients do not retry,
 * so a test sees every answer as the server gave it.
 */
public final class LocalPersonalize implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public final Path s3Root;
    public final PersonalizeLocalServer server;
    public final PersonalizeClient personalize;
    public final PersonalizeRuntimeClient runtime;
    public final PersonalizeEventsClient events;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

    private LocalPersonalize(Path s3Root, PersonalizeLocalServer server) {
        this.s3Root = s3Root;
        this.server = server;
        URI endpoint = server.endpoint();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.personalize = PersonalizeClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(credentials).endpointOverride(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        this.runtime = PersonalizeRuntimeClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(credentials).endpointOverride(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        this.events = PersonalizeEventsClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(credentials).endpointOverride(endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** A server on a free loopback port whose S3 is {@code s3Root}. */
    public static LocalPersonalize start(Path s3Root, Delays delays) {
        return new LocalPersonalize(s3Root, PersonalizeLocalServer.start(
                EngineSettings.defaults(s3Root).withDelays(delays), 0));
    }

    /** Writes {@code content} to {@code s3://bucket/key} and answers that URI. */
    public String upload(String bucket, String key, String content) {
        Path file = s3Root.resolve(bucket).resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "s3://" + bucket + "/" + key;
    }

    /** Polls {@code read} until {@code done} accepts its value, which it answers; fails after a minute. */
    public static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
            value = read.get();
        }
        return value;
    }

    /** Polls a status until it is ACTIVE or a failed state, which it answers. */
    public static String settled(Supplier<String> status, String what) {
        return await(status, s -> "ACTIVE".equals(s) || s.endsWith("FAILED") || s.endsWith("STOPPED"), what);
    }

    @Override
    public void close() {
        personalize.close();
        runtime.close();
        events.close();
        http.close();
        server.close();
    }
}
