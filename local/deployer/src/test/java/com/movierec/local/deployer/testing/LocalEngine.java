package com.movierec.local.deployer.testing;

import com.movierec.local.personalize.iam.SessionCredentials;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.iam.LocalAccount;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.state.InMemoryStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * personalize-local in-process on a free port, in the dev stage's region, with short state delays, and the SDK
 * clients a test checks it with. {@link #options} gives deploy options with local-test timings.
 */
public final class LocalEngine implements AutoCloseable {
    public static final Delays TEST_DELAYS = Delays.uniform(Duration.ofMillis(10));

    public final Path s3Root;
    public final PersonalizeLocalServer server;
    public final PersonalizeClient personalize;
    public final PersonalizeRuntimeClient runtime;
    /** The account whose IAM the engine enforces, as AWS would: deploys and the API run under it. */
    public final LocalAccount account;

    private LocalEngine(Path s3Root, PersonalizeLocalServer server, boolean iam) {
        this.s3Root = s3Root;
        this.server = server;
        this.account = LocalAccount.enforcing(server.engine().settings().accountId());
        if (iam) {
            server.engine().enforceIam(account.authorizer());
        }
        // The test's own checks call as the account's administrator, as a person with the CLI would.
        SessionCredentials admin = account.iam().administrator();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(admin.accessKeyId(),
                admin.secretAccessKey()));
        this.personalize = PersonalizeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(SynthesizedDev.REGION)).credentialsProvider(credentials)
                .endpointOverride(server.endpoint()).build();
        this.runtime = PersonalizeRuntimeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(SynthesizedDev.REGION)).credentialsProvider(credentials)
                .endpointOverride(server.endpoint()).build();
    }

    public static LocalEngine start(Path s3Root) {
        return new LocalEngine(s3Root, server(s3Root), true);
    }

    /**
     * personalize-local as its own command runs it, in another process than the deployer: it cannot know the
     * deployed policies, so it enforces no IAM (the {@code deploy} and {@code destroy} commands' setting).
     */
    public static LocalEngine startWithoutIam(Path s3Root) {
        return new LocalEngine(s3Root, server(s3Root), false);
    }

    private static PersonalizeLocalServer server(Path s3Root) {
        return PersonalizeLocalServer.start(EngineSettings.defaults(s3Root).withRegion(SynthesizedDev.REGION)
                .withDelays(TEST_DELAYS), 0);
    }

    /** Options for a deploy into this engine, remembering stacks in memory and polling every 20 ms. */
    public DeployOptions options(DeployListener listener) {
        return DeployOptions.defaults(server.endpoint(), s3Root)
                .withAccount(account)
                .withStateStore(new InMemoryStateStore())
                .withListener(listener)
                .withCompletionPollInterval(Duration.ofMillis(20))
                .withWatcherPollCap(Duration.ofMillis(50))
                .withRetrySleepCap(Duration.ofMillis(20));
    }

    /** How the deployed API function signs its calls: its role's session. */
    public AwsCredentialsProvider apiCredentials() {
        return account.credentialsOf(StageDeployment.API_HANDLER);
    }

    public List<Resource> resources() {
        return server.engine().resources();
    }

    /** The resources of one kind ({@code campaign}, {@code filter}, ...). */
    public List<Resource> resources(String kind) {
        return resources().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** Every file under the S3 root, relative to it. */
    public List<String> s3Files() {
        if (!Files.isDirectory(s3Root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(s3Root)) {
            return files.filter(Files::isRegularFile).map(f -> s3Root.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        personalize.close();
        runtime.close();
        server.close();
    }
}
