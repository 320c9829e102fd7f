package com.movierec.local.deployer.run;

import com.movierec.local.personalize.engine.Delays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a local run starts.
 *
 * @param cdkOut         the synthesized cloud assembly
 * @param stage          the stage to deploy, e.g. {@code dev}
 * @param s3Root         personalize-local's S3 stand-in: the deploy copies the prepared data into it
 * @param apiPort        the port of the API and the page on 127.0.0.1; 0 picks a free one
 * @param webRoot        the web page's directory, served at the paths the API does not have; empty: the API alone
 * @param engineDelays   how long personalize-local keeps each resource in each transitional state
 * @param pollInterval   how often the deploy polls isComplete (CloudFormation's Provider: 30 s)
 * @param testUserId     the MovieLens user id of the test user created in the page's user pool (a stage with sign-in)
 */
public record RunSettings(Path cdkOut, String stage, Path s3Root, int apiPort, Optional<Path> webRoot,
                          Delays engineDelays, Duration pollInterval, String testUserId) {
    /** MovieLens 100K's first user, with 272 ratings: the test user's recommendations are personal. */
    public static final String DEFAULT_TEST_USER_ID = "1";

    public RunSettings {
        Objects.requireNonNull(cdkOut, "cdkOut");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(s3Root, "s3Root");
        Objects.requireNonNull(webRoot, "webRoot");
        Objects.requireNonNull(engineDelays, "engineDelays");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(testUserId, "testUserId");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("apiPort must be 0 (any free port) to 65535, not " + apiPort);
        }
    }

    /** The dev stage of {@code cdkOut}, a free port, no page, the engine's fast delays, polling every 100 ms. */
    public static RunSettings of(Path cdkOut, Path s3Root) {
        return new RunSettings(cdkOut, "dev", s3Root, 0, Optional.empty(), Delays.FAST, Duration.ofMillis(100),
                DEFAULT_TEST_USER_ID);
    }

    public RunSettings withStage(String value) {
        return new RunSettings(cdkOut, value, s3Root, apiPort, webRoot, engineDelays, pollInterval, testUserId);
    }

    public RunSettings withApiPort(int value) {
        return new RunSettings(cdkOut, stage, s3Root, value, webRoot, engineDelays, pollInterval, testUserId);
    }

    public RunSettings withWebRoot(Path value) {
        return new RunSettings(cdkOut, stage, s3Root, apiPort, Optional.ofNullable(value), engineDelays,
                pollInterval, testUserId);
    }

    public RunSettings withEngineDelays(Delays value) {
        return new RunSettings(cdkOut, stage, s3Root, apiPort, webRoot, value, pollInterval, testUserId);
    }

    public RunSettings withPollInterval(Duration value) {
        return new RunSettings(cdkOut, stage, s3Root, apiPort, webRoot, engineDelays, value, testUserId);
    }

    public RunSettings withTestUserId(String value) {
        return new RunSettings(cdkOut, stage, s3Root, apiPort, webRoot, engineDelays, pollInterval, value);
    }
}
