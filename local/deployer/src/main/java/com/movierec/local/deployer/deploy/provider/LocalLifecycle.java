package com.movierec.local.deployer.deploy.provider;

import com.movierec.lifecycle.IsCompleteHandler;
import com.movierec.lifecycle.OnEventHandler;
import com.movierec.lifecycle.WatcherHandler;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import com.movierec.local.deployer.deploy.iam.InvocationChecks;
import com.movierec.local.deployer.deploy.iam.LocalAccount;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The project's lifecycle handlers (onEvent, isComplete, watcher) wired as the Lambdas are, but in-process: each with
 * its own real {@link PersonalizeClient} pointed at personalize-local (URLConnection client, SDK retries off so
 * {@code core.Retry} is the only policy, as in {@code AwsClients}) signing with its function's role when IAM is
 * enforced, {@link LocalStepFunctions} for the watcher
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

    /** The handlers as the stacks deploy them: each runs in its own function, with that function's role. */
    static final String ON_EVENT = "com.movierec.lifecycle.OnEventHandler::handleRequest";
    static final String IS_COMPLETE = "com.movierec.lifecycle.IsCompleteHandler::handleRequest";
    static final String WATCHER = "com.movierec.lifecycle.WatcherHandler::handleRequest";
    private static final StaticCredentialsProvider NO_IAM =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final List<PersonalizeClient> clients = new ArrayList<>();
    private final LocalStepFunctions stepFunctions;
    private final ProviderFramework provider;

    /**
     * @param account with IAM enforced, the account whose deployed functions' roles the handlers call with; empty:
     *                a dummy key for all of them
     */
    public LocalLifecycle(URI personalizeEndpoint, String region, SignalBoard board, Optional<LocalAccount> account,
                          Timing timing) {
        Sleeper sleeper = new CappedSleeper(timing.retrySleepCap());
        Optional<InvocationChecks> checks = account.map(InvocationChecks::new);
        this.stepFunctions = new LocalStepFunctions(new WatcherHandler(client(personalizeEndpoint, region,
                account, WATCHER), board, sleeper), timing.watcherPollCap(), board, stateMachineArn ->
                checks.ifPresent(c -> {
                    c.startExecution(ON_EVENT, stateMachineArn);
                    c.stateMachineInvokes(stateMachineArn, WATCHER);
                }));
        OnEventHandler onEvent = new OnEventHandler(client(personalizeEndpoint, region, account, ON_EVENT),
                stepFunctions.client(), sleeper);
        IsCompleteHandler isComplete = new IsCompleteHandler(client(personalizeEndpoint, region, account,
                IS_COMPLETE), sleeper);
        this.provider = new ProviderFramework(event -> {
            checks.ifPresent(c -> c.onEvent(event));
            return onEvent.handleRequest(event, null);
        }, event -> {
            checks.ifPresent(c -> c.isComplete(event));
            return isComplete.handleRequest(event, null);
        }, timing.completion());
    }

    /** A client as {@code AwsClients} builds it in the function with {@code handler}. */
    private PersonalizeClient client(URI endpoint, String region, Optional<LocalAccount> account, String handler) {
        PersonalizeClient client = PersonalizeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(account.<AwsCredentialsProvider>map(a -> a.credentialsOf(handler)).orElse(NO_IAM))
                .endpointOverride(endpoint)
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients.add(client);
        return client;
    }

    /** Deploys the {@code Custom::Personalize*} resources. */
    public ResourceHandler personalizeResources() {
        return provider;
    }

    /** Stops the watchers still running and the HTTP client. */
    @Override
    public void close() {
        stepFunctions.close();
        clients.forEach(PersonalizeClient::close);
    }
}
