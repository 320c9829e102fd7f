package com.movierec.infra.api;

import com.movierec.infra.config.ApiSettings;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.ServingResources;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The API's Lambda: Java 21 on arm64 with SnapStart, its data layer, its own log group and role, and the
 * {@value #ALIAS_NAME} alias on its current version. SnapStart only applies to published versions, so callers invoke
 * the alias, never {@code $LATEST}; a deploy that changes the code, the layer or a variable publishes a new version,
 * which Lambda snapshots (after the handler's priming) before the alias moves to it.
 */
final class ApiFunction extends Construct {
    static final String HANDLER = "com.movierec.api.ApiHandler::handleRequest";
    static final String ALIAS_NAME = "live";
    /** The handler gives up on Personalize after 6 s (one retry, 2.5 s per attempt); 10 s leaves room for the rest. */
    static final Duration TIMEOUT = Duration.seconds(10);

    private final Alias alias;

    ApiFunction(Construct scope, String id, Path jar, ILayerVersion dataLayer, ServingResources serving,
                ApiSettings settings) {
        super(scope, id);
        Role role = ApiFunctionRole.create(this, "Role", serving);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);
        Function.Builder builder = Function.Builder.create(this, "Function")
                .description("movierec recommendations API")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(jar.toString()))
                .handler(HANDLER)
                .memorySize(settings.memoryMb())
                .timeout(TIMEOUT)
                .role(role)
                .logGroup(logs)
                .layers(List.of(dataLayer))
                .environment(ApiFunctionEnvironment.of(serving, settings))
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        settings.reservedConcurrency().ifPresent(builder::reservedConcurrentExecutions);
        Function function = builder.build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The alias below publishes the current version, and API Gateway invokes only the alias.");
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();

        NagFindings.suppress(function, "AwsSolutions-L1", "The API handler is built for Java 21, the project's "
                + "bytecode level and the runtime its contract (lambdas/api/README.md) specifies; moving to Java 25 is "
                + "a project-wide change.");
        // cdk-nag reports Resource::* once per policy, so this one suppression covers exactly the two statements
        // that need it; ApiFunctionTest checks that no other statement of the role has a wildcard.
        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "Resource * only for actions "
                + "that take no resource type: xray:PutTraceSegments and xray:PutTelemetryRecords for active tracing "
                + "(https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html), and "
                + "personalize:PutEvents, which the PutEvents API reference grants \"with the wildcard * in the "
                + "Resource element\" (https://docs.aws.amazon.com/personalize/latest/dg/API_UBS_PutEvents.html; the "
                + "Service Authorization Reference lists no resource type for it: "
                + "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonpersonalize.html), so "
                + "a tracker ARN would deny every call. GetRecommendations and GetPersonalizedRanking name their "
                + "campaigns, and the log statement its log group.", List.of(NagFindings.resource("*")));
    }

    /** What API Gateway invokes. */
    IFunction alias() {
        return alias;
    }
}
