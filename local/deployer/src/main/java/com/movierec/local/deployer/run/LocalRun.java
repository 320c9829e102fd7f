package com.movierec.local.deployer.run;

import com.movierec.local.deployer.deploy.iam.LocalAccount;
import com.movierec.local.personalize.iam.SessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import com.movierec.local.deployer.api.ApiGatewayAuthorization;
import com.movierec.local.deployer.api.Front;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.auth.LocalCognito;
import com.movierec.local.deployer.auth.TestUser;
import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.LocalDeployer;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import com.movierec.local.deployer.deploy.assembly.StageAssembly;
import com.movierec.schemas.contract.ApiEnvironment;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole product on this machine: personalize-local in-process, the synthesized stage deployed into it through
 * the real templates and lifecycle handlers, and the recommendations API's real handler (plus the web page) served
 * on 127.0.0.1, reading its data from the stage's own Lambda layer. {@link #close} stops both servers, and the
 * engine forgets everything; {@link #destroy} first runs the stage's Delete path, as cdk destroy would.
 */
public final class LocalRun implements AutoCloseable {
    private final CloudAssembly assembly;
    private final RunSettings settings;
    private final PersonalizeLocalServer engine;
    private final LocalDeployer deployer;
    private final DeployOptions options;
    private final StageDeployment deployment;
    private final LocalApiServer api;
    private final String region;
    private final AtomicBoolean serving = new AtomicBoolean(true);
    private final LocalAccount account;
    private final LocalCognito cognito;
    private final Optional<TestUser> testUser;

    private LocalRun(CloudAssembly assembly, RunSettings settings, PersonalizeLocalServer engine,
                     LocalDeployer deployer, DeployOptions options, StageDeployment deployment, LocalApiServer api,
                     String region, LocalAccount account, LocalCognito cognito, Optional<TestUser> testUser) {
        this.account = account;
        this.cognito = cognito;
        this.testUser = testUser;
        this.assembly = assembly;
        this.settings = settings;
        this.engine = engine;
        this.deployer = deployer;
        this.options = options;
        this.deployment = deployment;
        this.api = api;
        this.region = region;
    }

    /**
     * Starts the engine, deploys the stage into it (every stack event goes to {@code listener}) and serves the API.
     * On a failure everything started is stopped again before the exception leaves.
     *
     * @throws com.movierec.local.deployer.deploy.DeploymentFailedException when the deploy fails (it was rolled back)
     * @throws IllegalArgumentException when the assembly, the stage or the settings cannot be used
     */
    public static LocalRun start(RunSettings settings, DeployListener listener) {
        CloudAssembly assembly = CloudAssembly.load(settings.cdkOut());
        StageAssembly stage = assembly.stage(settings.stage());
        LambdaLayers layers = LambdaLayers.of(stage, StageDeployment.API_HANDLER);
        String region = regionOf(stage);
        PersonalizeLocalServer engine = PersonalizeLocalServer.start(EngineSettings.defaults(settings.s3Root())
                .withRegion(region).withDelays(settings.engineDelays()), 0);
        LocalCognito cognito = null;
        try {
            // IAM as AWS enforces it: the templates' policies, each handler signing with its function's role.
            LocalAccount account = LocalAccount.enforcing(engine.engine().settings().accountId());
            engine.engine().enforceIam(account.authorizer());
            DeployOptions options = DeployOptions.defaults(engine.endpoint(), settings.s3Root())
                    .withAccount(account)
                    .withListener(listener)
                    .withCompletionPollInterval(settings.pollInterval())
                    .withWatcherPollCap(settings.pollInterval());
            LocalDeployer deployer = new LocalDeployer();
            StageDeployment deployment = deployer.deploy(assembly, settings.stage(), options);
            Map<String, String> environment = deployer.deployedApiEnvironment();
            // The stage's user pools, with managed login and a test user for the page's sign-in.
            cognito = LocalCognito.of(deployment).startManagedLogin();
            Optional<TestUser> testUser = cognito.pageSignIn().map(signIn -> TestUser.create(signIn.pool(),
                    TestUser.USERNAME, settings.testUserId()));
            LocalApiServer api = serve(settings, engine, environment, layers,
                    account.credentialsOf(StageDeployment.API_HANDLER), front(deployment, cognito, region));
            return new LocalRun(assembly, settings, engine, deployer, options, deployment, api, region, account,
                    cognito, testUser);
        } catch (RuntimeException e) {
            if (cognito != null) {
                cognito.close();
            }
            engine.close();
            throw e;
        }
    }

    /** API Gateway's authorization from the deployed stage, the page's config and the sign-in origin it calls. */
    private static Front front(StageDeployment deployment, LocalCognito cognito, String region) {
        ApiGatewayAuthorization authorization = ApiGatewayAuthorization.of(deployment, cognito);
        Optional<LocalCognito.PageSignIn> signIn = cognito.pageSignIn();
        return new Front(authorization, Optional.of(PageConfig.json(authorization.api(), signIn, region)),
                signIn.map(s -> List.of(s.managedLogin().baseUrl().toString())).orElse(List.of()));
    }

    private static LocalApiServer serve(RunSettings settings, PersonalizeLocalServer engine,
                                        Map<String, String> environment, LambdaLayers layers,
                                        AwsCredentialsProvider credentials, Front front) {
        try {
            return LocalApiServer.start(credentials, environment, engine.endpoint(),
                    layers.resolve(required(environment, ApiEnvironment.ITEMS_FILE)),
                    layers.resolve(required(environment, ApiEnvironment.KNOWN_USERS_FILE)),
                    settings.stage(), settings.apiPort(), settings.webRoot().orElse(null), front);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new IllegalArgumentException("port " + settings.apiPort() + " on 127.0.0.1 is in use: stop "
                        + "what uses it, or choose another port (0 picks a free one)", e);
            }
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT}: the API, and the page at {@code /} when there is one. */
    public URI apiEndpoint() {
        return api.endpoint();
    }

    /** The stage's local user pools (none without jwt auth), their managed login and keys. */
    public LocalCognito cognito() {
        return cognito;
    }

    /** The user created in the page's user pool, when the stage signs users in. */
    public Optional<TestUser> testUser() {
        return testUser;
    }

    /** The page's managed login (the runtime config's authDomain), when the stage signs users in. */
    public Optional<URI> signInEndpoint() {
        return cognito.pageSignIn().map(signIn -> signIn.managedLogin().baseUrl());
    }

    /** personalize-local, for SDK clients and its admin API. */
    public PersonalizeLocalServer engine() {
        return engine;
    }

    public StageDeployment deployment() {
        return deployment;
    }

    /** What each campaign serves and its offline metrics, read through GetSolutionMetrics. */
    public List<ServedModelMetrics> servedModels() {
        return ServedModels.read(engine.endpoint(), region, administrator());
    }

    /**
     * What a person calls local mode with (the AWS CLI, boto3, the metrics read here): the local account's
     * administrator, whose key personalize-local accepts as AWS accepts a user's; any other key is refused.
     */
    public AwsCredentialsProvider administrator() {
        SessionCredentials admin = account.iam().administrator();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(admin.accessKeyId(),
                admin.secretAccessKey()));
    }

    /** The local account: its IAM, the simulator's decisions and the calls it allowed and denied. */
    public LocalAccount account() {
        return account;
    }

    /** The campaign and filter ARNs the stage's stacks output, by output name, in name order. */
    public Map<String, String> personalizeArns() {
        Map<String, String> arns = new java.util.TreeMap<>();
        deployment.stacks().forEach(stack -> stack.outputValues().forEach((name, value) -> {
            if (value.startsWith("arn:aws:personalize:") && (value.contains(":campaign/")
                    || value.contains(":filter/"))) {
                arns.put(name, value);
            }
        }));
        return arns;
    }

    /** {@link #servedModels} as a table, with user personalization's NDCG@10 gain over popularity count. */
    public String metricsTable() {
        return MetricsTable.format(servedModels());
    }

    /** Stops serving, then deletes the stage's stacks from the engine, the last one first. */
    public void destroy() {
        stopServing();
        deployer.destroy(assembly, settings.stage(), options);
    }

    /** Stops the API and the engine; the engine's state is gone with it. Calling it again does nothing. */
    @Override
    public void close() {
        try {
            stopServing();
        } finally {
            engine.close();
        }
    }

    private void stopServing() {
        if (serving.compareAndSet(true, false)) {
            try {
                api.close();
            } finally {
                cognito.close();
            }
        }
    }

    /** The region the stage was synthesized for (the engine's ARNs must match the templates'). */
    private static String regionOf(StageAssembly stage) {
        return stage.stacks().stream().map(StackArtifact::region).flatMap(Optional::stream)
                .findFirst().orElse(EngineSettings.DEFAULT_REGION);
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the API function's environment has no " + name
                    + ": synthesize the stage again (cdk synth)");
        }
        return value;
    }
}
