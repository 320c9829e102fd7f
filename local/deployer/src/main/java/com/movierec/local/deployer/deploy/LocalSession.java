package com.movierec.local.deployer.deploy;

import com.movierec.local.deployer.deploy.iam.PolicyRegistration;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import com.movierec.local.deployer.deploy.assembly.StageAssembly;
import com.movierec.local.deployer.deploy.provider.LocalLifecycle;
import com.movierec.local.deployer.deploy.provider.ProviderFramework;
import com.movierec.local.deployer.deploy.resources.LocalS3;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.stack.ExportLookup;
import com.movierec.local.deployer.deploy.stack.StackServices;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * What one deploy or destroy run works with: the lifecycle handlers and their clients, the signal board, the local
 * S3, and each stack's environment (region and account checked against personalize-local's). Closing it stops the
 * watchers the run started.
 */
final class LocalSession implements AutoCloseable {
    private final DeployOptions options;
    private final LocalLifecycle lifecycle;
    private final StackServices services;

    private LocalSession(DeployOptions options, LocalLifecycle lifecycle, StackServices services) {
        this.options = options;
        this.lifecycle = lifecycle;
        this.services = services;
    }

    static LocalSession open(StageAssembly stage, DeployOptions options) {
        String clientRegion = options.region()
                .or(() -> stage.stacks().stream().flatMap(s -> s.region().stream()).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("stage " + stage.name() + " is environment-agnostic: "
                        + "give personalize-local's region (DeployOptions.region, --region)"));
        SignalBoard board = new SignalBoard();
        options.account().ifPresent(account -> PolicyRegistration.restore(account, options.stateStore()));
        LocalLifecycle lifecycle = new LocalLifecycle(options.personalizeEndpoint(), clientRegion, board,
                options.account(),
                new LocalLifecycle.Timing(new ProviderFramework.Polling(options.completionPollInterval(),
                        options.completionTimeout()), options.watcherPollCap(), options.retrySleepCap()));
        LocalResourceHandlers handlers = new LocalResourceHandlers(lifecycle.personalizeResources(),
                new LocalS3(options.s3Root()), board, options.account(), clientRegion);
        return new LocalSession(options, lifecycle, new StackServices(handlers, options.stateStore(),
                options.listener(), ExportLookup.of(options.stateStore())));
    }

    StackServices services() {
        return services;
    }

    /** The stack's pseudo parameters: its own region and account, which must be personalize-local's. */
    StackContext context(StackArtifact artifact) {
        String region = agree("region", artifact, artifact.region(), options.region())
                .orElseThrow(() -> new IllegalArgumentException("stack " + artifact.stackName() + " is "
                        + "environment-agnostic: give personalize-local's region (DeployOptions.region, --region)"));
        String account = agree("account", artifact, artifact.account(), options.accountId())
                .orElse(DeployOptions.DEFAULT_ACCOUNT);
        String stackId = "arn:aws:cloudformation:" + region + ":" + account + ":stack/" + artifact.stackName() + "/"
                + UUID.nameUUIDFromBytes(artifact.stackName().getBytes(StandardCharsets.UTF_8));
        return new StackContext(artifact.stackName(), stackId, region, account, artifact.assets());
    }

    /**
     * The stack's value, or personalize-local's; both given and different is an error, because the ARNs the template
     * builds from its own value would not match the ones personalize-local answers.
     */
    private static Optional<String> agree(String what, StackArtifact artifact, Optional<String> synthesized,
                                          Optional<String> local) {
        if (synthesized.isPresent() && local.isPresent() && !synthesized.equals(local)) {
            throw new IllegalArgumentException("stack " + artifact.stackName() + " is synthesized for " + what + " "
                    + synthesized.get() + ", but personalize-local is said to run in " + local.get()
                    + ": start personalize-local with --" + what + " " + synthesized.get() + " and deploy with it");
        }
        return synthesized.or(() -> local);
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
