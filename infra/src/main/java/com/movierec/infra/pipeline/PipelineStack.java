package com.movierec.infra.pipeline;

import com.movierec.infra.MovieRecStage;
import com.movierec.infra.SynthException;
import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.PipelineConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildOptions;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ManualApprovalStepProps;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.IBuildImage;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.constructs.Construct;

/**
 * The CDK Pipelines pipeline that promotes the app through the configured environments: on every push to the
 * configured branch it runs the README's test command, prepares the data, synthesizes the app, updates itself
 * (self-mutation), publishes the assets, then deploys each stage in order. A person approves the stages listed in
 * {@code manualApprovalBefore} before they deploy, and after each stage deploys {@code bin/smoke-test} calls its API; a
 * failed test stops the promotion. cdk-nag's AwsSolutions pack checks the stack.
 */
public final class PipelineStack extends Stack {
    /** The stack name and construct id: {@code npx cdk deploy movierec-pipeline}. */
    public static final String STACK_NAME = "movierec-pipeline";
    /**
     * Amazon Linux 2023 standard 5.0 (aws/codebuild/amazonlinux-x86_64-standard:5.0): the CodeBuild image with
     * Corretto 25 (the JDK the project is built with here; 21 is there too), Maven 3.9, Node.js 20 to 24 for the CDK
     * CLI, the AWS CLI v2 and curl, and Google Chrome with its ChromeDriver for the browser test. Ubuntu standard:7.0
     * stops at Corretto 21 and has no Chromium that runs outside snap.
     */
    static final IBuildImage BUILD_IMAGE = LinuxBuildImage.AMAZON_LINUX_2023_5;
    /** What the image provides, selected in the synth step's buildspec (in this order: synth is deterministic). */
    static final Map<String, String> RUNTIME_VERSIONS = runtimeVersions();
    /**
     * bin/lib/chromium.sh and the browser test expect Debian's paths; the image has Google Chrome and a matching
     * ChromeDriver elsewhere. bin/test ends with bin/lint-templates, which needs the cfn-lint (and its dependencies)
     * pinned in infra/cfn-lint-requirements.txt; the image has none.
     */
    static final List<String> SYNTH_INSTALL_COMMANDS = List.of(
            "[ -x /usr/bin/chromium ] || ln -s \"$(command -v google-chrome)\" /usr/bin/chromium",
            "[ -x /usr/bin/chromedriver ] || ln -s \"$(command -v chromedriver)\" /usr/bin/chromedriver",
            "python3 -m pip install --quiet --requirement infra/cfn-lint-requirements.txt");
    /**
     * The README's test command (every module's tests), then build + data-prep (MovieLens 100K from GroupLens,
     * verified) + the dev synth, then the synth of the whole app, pipeline included, into cdk.out.
     */
    static final List<String> SYNTH_COMMANDS = List.of("bin/test", "bin/run --synth-only",
            "npx cdk synth --quiet");
    static final String SYNTH_OUTPUT = "cdk.out";
    /** bin/test runs every end-to-end test, including local trainings and a browser: 8 vCPUs, 15 GB. */
    static final ComputeType SYNTH_COMPUTE = ComputeType.LARGE;
    static final Duration SYNTH_TIMEOUT = Duration.hours(2);
    static final String APPROVAL_STEP = "Approve";

    private final CodePipeline pipeline;
    private final Map<String, MovieRecStage> stages = new LinkedHashMap<>();
    private final Map<String, SmokeTest> smokeTests = new LinkedHashMap<>();
    private final boolean crossAccount;

    public PipelineStack(Construct scope, String id, PipelineStackProps props) {
        super(scope, id, StackProps.builder()
                .env(props.env())
                .stackName(STACK_NAME)
                .description("movierec: the CDK Pipelines pipeline promoting the app through "
                        + String.join(", ", props.pipeline().stages()))
                .build());
        PipelineConfig config = props.pipeline();
        List<StageTarget> targets = config.stages().stream()
                .map(name -> target(props.config().environment(name).orElseThrow())).toList();
        crossAccount = targets.stream().anyMatch(StageTarget::otherAccount);

        CodePipelineSource source = CodePipelineSource.connection(config.repository(), config.branch(),
                ConnectionSourceOptions.builder()
                        .connectionArn(config.connectionArn())
                        // A git clone keeps the executable bits of bin/*, which a zipped source artifact may drop.
                        .codeBuildCloneOutput(true)
                        .build());
        CodePipeline.Builder builder = CodePipeline.Builder.create(this, "Pipeline")
                .pipelineName("movierec")
                // V1's flat monthly price, not V2's per action-minute: a deploy waits hours on Personalize trainings.
                .pipelineType(PipelineType.V1)
                .synth(ShellStep.Builder.create("Synth")
                        .input(source)
                        .installCommands(SYNTH_INSTALL_COMMANDS)
                        .commands(SYNTH_COMMANDS)
                        .primaryOutputDirectory(SYNTH_OUTPUT)
                        .build())
                .selfMutation(true)
                .crossAccountKeys(crossAccount)
                .cliVersion(props.cliVersion())
                // One CodeBuild project publishes every file asset, instead of one project per asset.
                .publishAssetsInParallel(false)
                .codeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder()
                                .buildImage(BUILD_IMAGE)
                                .computeType(ComputeType.SMALL)
                                .build())
                        .build())
                .synthCodeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder()
                                .buildImage(BUILD_IMAGE)
                                .computeType(SYNTH_COMPUTE)
                                .build())
                        .timeout(SYNTH_TIMEOUT)
                        .partialBuildSpec(BuildSpec.fromObject(Map.of("phases", Map.of("install",
                                Map.of("runtime-versions", RUNTIME_VERSIONS)))))
                        .build());
        if (crossAccount) {
            builder.enableKeyRotation(true);
        }
        pipeline = builder.build();

        for (StageTarget target : targets) {
            EnvironmentConfig environment = target.environment();
            MovieRecStage stage = props.stages().create(this, environment, Environment.builder()
                    .account(target.account())
                    .region(target.region())
                    .build());
            SmokeTest smokeTest = new SmokeTest(this, source, stage, target);
            List<Step> pre = new ArrayList<>();
            if (config.approvalBefore(environment.name())) {
                pre.add(new ManualApprovalStep(APPROVAL_STEP, ManualApprovalStepProps.builder()
                        .comment("Deploy " + environment.name() + ": the stages before it deployed and passed their "
                                + "smoke tests.")
                        .build()));
            }
            pipeline.addStage(stage, AddStageOpts.builder().pre(pre).post(List.of(smokeTest.step())).build());
            stages.put(environment.name(), stage);
            smokeTests.put(environment.name(), smokeTest);
        }
        // Build now rather than at synth, so the suppressions below can name the resources it creates.
        pipeline.buildPipeline();
        PipelineSuppressions.apply(this);
        Aspects.of(this).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    public CodePipeline pipeline() {
        return pipeline;
    }

    /** The deployed stages by environment name, in pipeline order. */
    public Map<String, MovieRecStage> stages() {
        return Collections.unmodifiableMap(stages);
    }

    /** Each stage's post-deploy smoke test, by environment name. */
    Map<String, SmokeTest> smokeTests() {
        return Collections.unmodifiableMap(smokeTests);
    }

    /** Whether a stage lives in another account than the pipeline, so the artifacts are encrypted with KMS keys. */
    public boolean crossAccount() {
        return crossAccount;
    }

    /**
     * Where {@code environment} deploys: its own account and region, else the pipeline's. A stage in another account
     * needs the pipeline's account and region known at synth (its roles trust that account by ARN).
     */
    private StageTarget target(EnvironmentConfig environment) {
        String pipelineAccount = concrete(getAccount());
        String pipelineRegion = concrete(getRegion());
        String account = environment.account().orElse(pipelineAccount);
        String region = environment.region().orElse(pipelineRegion);
        boolean otherAccount = account != null && !account.equals(pipelineAccount);
        if (otherAccount && (pipelineAccount == null || pipelineRegion == null)) {
            throw new SynthException("environment " + environment.name() + " deploys to account " + account
                    + ", so the pipeline must know its own account and region: set movierec.pipeline.account and "
                    + "movierec.pipeline.region (or deploy with credentials and CDK_DEFAULT_REGION set).");
        }
        return new StageTarget(environment, account, region, otherAccount,
                Optional.ofNullable(pipelineAccount), Optional.ofNullable(pipelineRegion));
    }

    private static Map<String, String> runtimeVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", "corretto25");
        versions.put("nodejs", "22");
        // The Python infra/cfn-lint-requirements.txt was resolved on.
        versions.put("python", "3.11");
        return Collections.unmodifiableMap(versions);
    }

    private static String concrete(String value) {
        return value == null || Token.isUnresolved(value) ? null : value;
    }

    /**
     * @param account         the stage's account; null when neither it nor the pipeline names one
     * @param region          the stage's region; null the same way
     * @param otherAccount    the stage is in another account than the pipeline
     * @param pipelineAccount the pipeline's account, when known at synth
     * @param pipelineRegion  the pipeline's region, when known at synth
     */
    record StageTarget(EnvironmentConfig environment, String account, String region, boolean otherAccount,
                       Optional<String> pipelineAccount, Optional<String> pipelineRegion) {
    }
}
