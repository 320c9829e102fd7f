package com.movierec.localmode.deploy.lifecycle;

import com.movierec.lifecycle.IsCompleteHandler;
import com.movierec.lifecycle.OnEventHandler;
import com.movierec.lifecycle.WatcherHandler;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.localmode.deploy.resources.ResourceHandler;
import com.movierec.localmode.deploy.waitcondition.SignalBoard;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The project's lifecycle handlers (onEvent, isComplete, watcher) wired as the Lambdas are, but in-process: a real
 * {@link PersonalizeClient} pointed at personalize-local (URLConnection client, dummy static credentials, SDK retries
 * off so {@code core.Retry} is the only policy, as in {@code AwsClients}), {@link LocalStepFunctions} for the watcher
 * and the {@link SignalBoard} for its signals.
 */
public final class LocalLifecycle implements AutoCloseable {
    /**
     * @param completion     the Provider framework's isComplete polling
     * @param watcherPollCap the longest wait between two watcher checks
     * @param retrySleepCap  the longest back-off between throttled calls
     */
    public record Timing(ProviderFramework.Polling completion, Duration watcherPollCap, Duration retrySleepCap) {
    }

    private final PersonalizeClient personalize;
    private final LocalStepFunctions stepFunctions;
    private final ProviderFramework provider;

    public LocalLifecycle(URI personalizeEndpoint, String region, SignalBoard board, Timing timing) {
        this.personalize = PersonalizeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(personalizeEndpoint)
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        Sleeper sleeper = new CappedSleeper(timing.retrySleepCap());
        this.stepFunctions = new LocalStepFunctions(new WatcherHandler(personalize, board, sleeper),
                timing.watcherPollCap(), board);
        OnEventHandler onEvent = new OnEventHandler(personalize, stepFunctions.client(), sleeper);
        IsCompleteHandler isComplete = new IsCompleteHandler(personalize, sleeper);
        this.provider = new ProviderFramework(event -> onEvent.handleRequest(event, null),
                event -> isComplete.handleRequest(event, null), timing.completion());
    }

    /** Deploys the {@code Custom::Personalize*} resources. */
    public ResourceHandler personalizeResources() {
        return provider;
    }

    /** Stops the watchers still running and the HTTP client. */
    @Override
    public void close() {
        stepFunctions.close();
        personalize.close();
    }
}
