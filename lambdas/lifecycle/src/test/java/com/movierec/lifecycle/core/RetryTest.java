package com.movierec.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.lifecycle.testing.Errors;
import com.movierec.lifecycle.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;

class RetryTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Retry retry = new Retry(sleeper);

    @Test
    void retriesThrottlingThenReturnsTheAnswer() {
        String answer = retry.call("DescribeCampaign", failingTimes(2, Errors.throttled()));

        assertThat(answer).isEqualTo("ACTIVE");
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheOperationAndTheError() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.call("DescribeCampaign", () -> {
            calls.incrementAndGet();
            throw Errors.throttled();
        }))
                .isInstanceOf(RetriesExhausted.class)
                .hasMessageStartingWith("DescribeCampaign was still throttled or unreachable after 8 attempts: "
                        + "ThrottlingException: Rate exceeded");
        assertThat(calls).hasValue(Retry.DEFAULT_MAX_ATTEMPTS);
        assertThat(sleeper.sleeps()).hasSize(Retry.DEFAULT_MAX_ATTEMPTS - 1);
    }

    @Test
    void doesNotRetryLimitExceededBecauseInPersonalizeItIsAQuota() {
        LimitExceededException quota = Errors.limitExceeded();

        assertThatThrownBy(() -> retry.call("CreateCampaign", failingTimes(1, quota))).isSameAs(quota);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retriesHttp429And503() {
        assertThat(retry.call("CreateFilter", failingTimes(1, Errors.status(429, "TooManyRequestsException"))))
                .isEqualTo("ACTIVE");
        assertThat(retry.call("CreateFilter", failingTimes(1, Errors.status(503, "ServiceUnavailable"))))
                .isEqualTo("ACTIVE");
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void retriesACallThatNeverReachedTheService() {
        assertThat(retry.call("DescribeSchema", failingTimes(1, Errors.unreachable()))).isEqualTo("ACTIVE");
    }

    @Test
    void failsFastOnEveryOtherError() {
        SdkClientException noCredentials = SdkClientException.create("Unable to load credentials from any provider");

        assertThatThrownBy(() -> retry.call("DescribeSchema", failingTimes(1, noCredentials))).isSameAs(noCredentials);
        assertThatThrownBy(() -> retry.call("CreateSchema", failingTimes(1, Errors.invalidInput("bad schema"))))
                .hasMessageStartingWith("bad schema");
        assertThatThrownBy(() -> retry.call("CreateSchema", failingTimes(1, Errors.status(500, "InternalFailure"))))
                .hasMessageStartingWith("InternalFailure");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void backsOffExponentiallyUpToTheCapWithJitterAboveHalfTheStep() {
        Retry fullJitter = new Retry(sleeper, 9, Duration.ofMillis(250), Duration.ofSeconds(15), () -> 1.0);
        Retry noJitter = new Retry(sleeper, 9, Duration.ofMillis(250), Duration.ofSeconds(15), () -> 0.0);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(fullJitter::delay).map(Duration::toMillis))
                .containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 15000L, 15000L);
        assertThat(noJitter.delay(3)).isEqualTo(Duration.ofMillis(500));
    }

    /** Throws {@code error} the first {@code times} calls, then answers ACTIVE. */
    private static Supplier<String> failingTimes(int times, RuntimeException error) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            if (calls.incrementAndGet() <= times) {
                throw error;
            }
            return "ACTIVE";
        };
    }
}
