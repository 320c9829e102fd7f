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

    public static Builder builder(URI personalizeEndpoint, Path s3Root) {
        return new Builder(personalizeEndpoint, s3Root);
    }

    public static final class Builder {
        private final URI personalizeEndpoint;
        private final Path s3Root;
        private StateStore stateStore = new InMemoryStateStore();
        private DeployListener listener = DeployListener.NONE;
        private String region;
        private String accountId;
        private Duration completionPollInterval = Duration.ofMillis(250);
        private Duration completionTimeout = Duration.ofHours(1);
        private Duration watcherPollCap = Duration.ofSeconds(1);
        private Duration retrySleepCap = Duration.ofSeconds(1);
        private Map<String, String> parameters = Map.of();
        private LocalAccount account;

        private Builder(URI personalizeEndpoint, Path s3Root) {
            this.personalizeEndpoint = personalizeEndpoint;
            this.s3Root = s3Root;
        }

        public Builder stateStore(StateStore value) {
            this.stateStore = value;
            return this;
        }

        public Builder listener(DeployListener value) {
            this.listener = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        public Builder completionPollInterval(Duration value) {
            this.completionPollInterval = value;
            return this;
        }

        public Builder completionTimeout(Duration value) {
            this.completionTimeout = value;
            return this;
        }

        public Builder watcherPollCap(Duration value) {
            this.watcherPollCap = value;
            return this;
        }

        public Builder retrySleepCap(Duration value) {
            this.retrySleepCap = value;
            return this;
        }

        public Builder parameters(Map<String, String> value) {
            this.parameters = value;
            return this;
        }

        /** Enforces IAM with {@code value}: give personalize-local the same account's authorizer. */
        public Builder account(LocalAccount value) {
            this.account = value;
            return this;
        }

        public DeployOptions build() {
            return new DeployOptions(personalizeEndpoint, s3Root, stateStore, listener, Optional.ofNullable(region),
                    Optional.ofNullable(accountId), completionPollInterval, completionTimeout, watcherPollCap,
                    retrySleepCap, parameters, Optional.ofNullable(account));
        }
    }
}
