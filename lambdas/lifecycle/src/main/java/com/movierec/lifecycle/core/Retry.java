package com.movierec.lifecycle.core;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Retries a call that was throttled or never reached the service, with exponential backoff and jitter, inside one
 * invocation. Everything else fails fast: the SDK clients are built without their own retries so this is the only
 * policy. Personalize's LimitExceededException is a quota (too many campaigns, say), not a rate, so it is not retried.
 */
public final class Retry {
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ThrottlingException", "TooManyRequestsException", "Throttling", "ThrottledException", "RequestLimitExceeded");
    private static final String UNREACHABLE = "Unable to execute HTTP request";

    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final DoubleSupplier jitter;

    /** Eight attempts, 250 ms doubling to at most 15 s: about 30 s in the worst case, well inside a 1-minute Lambda. */
    public Retry(Sleeper sleeper) {
        this(sleeper, DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(250), Duration.ofSeconds(15),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public Retry(Sleeper sleeper, int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier jitter) {
        this.sleeper = sleeper;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
    }

    /** Runs {@code call}, named {@code operation} (the API name) in logs and in the message when it gives up. */
    public <T> T call(String operation, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    throw new RetriesExhausted(operation + " was still throttled or unreachable after " + maxAttempts
                            + " attempts: " + describe(e), e);
                }
                Duration delay = delay(attempt);
                LOG.warn(operation + " throttled or unreachable, retrying", entry("operation", operation),
                        entry("attempt", attempt), entry("max_attempts", maxAttempts),
                        entry("delay_ms", delay.toMillis()), entry("last_error", describe(e)));
                sleeper.sleep(delay);
            }
        }
    }

    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && THROTTLING_CODES.contains(service.awsErrorDetails().errorCode())) {
            return true;
        }
        if (e instanceof SdkServiceException service) {
            return service.statusCode() == 429 || service.statusCode() == 503;
        }
        return e instanceof SdkClientException && e.getMessage() != null && e.getMessage().startsWith(UNREACHABLE);
    }

    /** Equal jitter: half the exponential step is kept, so a retry never fires immediately after a throttle. */
    Duration delay(int attempt) {
        long step = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(step / 2 + Math.round(jitter.getAsDouble() * (step / 2.0)));
    }

    /** The error code and message, without a stack: what an operator needs to read in the CloudFormation events. */
    public static String describe(Throwable e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
