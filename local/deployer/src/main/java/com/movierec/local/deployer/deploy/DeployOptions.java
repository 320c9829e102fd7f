package com.movierec.local.deployer.deploy;

import com.movierec.local.deployer.deploy.state.InMemoryStateStore;
import com.movierec.local.deployer.deploy.state.StateStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import com.movierec.local.deployer.deploy.iam.LocalAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * How to deploy locally.
 *
 * @param personalizeEndpoint     personalize-local's URL, e.g. {@code http://127.0.0.1:8900}
 * @param s3Root                  personalize-local's S3 root: buckets are directories in it
 * @param stateStore              where deployed stacks are remembered (a second deploy updates)
 * @param listener                receives every stack event
 * @param region                  personalize-local's region; empty: each stack's own. A stack synthesized for
 *                                another region is refused, as its ARNs would not match the engine's.
 * @param accountId               personalize-local's account; empty: each stack's own, else 000000000000
 * @param completionPollInterval  how often isComplete is polled (the stacks' Provider: 30 s)
 * @param completionTimeout       how long isComplete is polled (the Provider's totalTimeout: 1 h)
 * @param watcherPollCap          the longest wait between two checks of a watched job (the stacks say PollSeconds)
 * @param retrySleepCap           the longest back-off of the handlers' throttling retries
 * @param parameters              template parameter values, by name
 * @param account                 the local account whose IAM is enforced: every handler signs its calls with its
 *                                function's role and the policies the templates deploy decide; empty: no IAM (the
 *                                handlers sign with a dummy key and everything is allowed)
 */
public record DeployOptions(URI personalizeEndpoint, Path s3Root, StateStore stateStore, DeployListener listener,
                            Optional<String> region, Optional<String> accountId, Duration completionPollInterval,
                            Duration completionTimeout, Duration watcherPollCap, Duration retrySleepCap,
                            Map<String, String> parameters, Optional<LocalAccount> account) {
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public DeployOptions {
        Objects.requireNonNull(personalizeEndpoint, "personalizeEndpoint");
        Objects.requireNonNull(s3Root, "s3Root");
        Objects.requireNonNull(stateStore, "stateStore");
        Objects.requireNonNull(listener, "listener");
        accountId.filter(id -> !id.matches("\\d{12}")).ifPresent(id -> {
            throw new IllegalArgumentException("accountId must be 12 digits, not " + id);
        });
        parameters = Map.copyOf(parameters);
    }

    /**
     * The defaults: state in memory, no listener, each stack's own region and account, isComplete every 250 ms for up
     * to an hour, waits and back-offs capped at a second, no parameters, no IAM. Change one with its {@code with...}.
     */
    public static DeployOptions defaults(URI personalizeEndpoint, Path s3Root) {
        return new DeployOptions(personalizeEndpoint, s3Root, new InMemoryStateStore(), DeployListener.NONE,
                Optional.empty(), Optional.empty(), Duration.ofMillis(250), Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Map.of(), Optional.empty());
    }

    public DeployOptions withStateStore(StateStore value) {
        return new DeployOptions(personalizeEndpoint, s3Root, value, listener, region, accountId,
                completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, parameters, account);
    }

    public DeployOptions withListener(DeployListener value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, value, region, accountId,
                completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, parameters, account);
    }

    /** {@code value} (null: each stack's own). */
    public DeployOptions withRegion(String value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, Optional.ofNullable(value),
                accountId, completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, parameters,
                account);
    }

    /** {@code value} (null: each stack's own). */
    public DeployOptions withAccountId(String value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, Optional.ofNullable(value),
                completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, parameters, account);
    }

    public DeployOptions withCompletionPollInterval(Duration value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId, value,
                completionTimeout, watcherPollCap, retrySleepCap, parameters, account);
    }

    public DeployOptions withCompletionTimeout(Duration value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId,
                completionPollInterval, value, watcherPollCap, retrySleepCap, parameters, account);
    }

    public DeployOptions withWatcherPollCap(Duration value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId,
                completionPollInterval, completionTimeout, value, retrySleepCap, parameters, account);
    }

    public DeployOptions withRetrySleepCap(Duration value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId,
                completionPollInterval, completionTimeout, watcherPollCap, value, parameters, account);
    }

    public DeployOptions withParameters(Map<String, String> value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId,
                completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, value, account);
    }

    /** Enforces IAM with {@code value}: give personalize-local the same account's authorizer. */
    public DeployOptions withAccount(LocalAccount value) {
        return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, region, accountId,
                completionPollInterval, completionTimeout, watcherPollCap, retrySleepCap, parameters,
                Optional.ofNullable(value));
    }
}
