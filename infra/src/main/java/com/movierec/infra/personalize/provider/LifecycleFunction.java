package com.movierec.infra.personalize.provider;

import com.movierec.infra.nag.NagFindings;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** One handler of the lifecycle jar as a Lambda function: Java 21 on arm64, with its own log group. */
final class LifecycleFunction {
    static final String SERVICE_NAME = "movierec-lifecycle";
    private static final int MEMORY_MB = 512;

    private LifecycleFunction() {
    }

    static Function create(Construct scope, String id, Path jar, String handler, Duration timeout, IRole role) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);
        Function function = Function.Builder.create(scope, id)
                .description("movierec Personalize lifecycle: " + handler)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(jar.toString()))
                .handler(handler)
                .memorySize(MEMORY_MB)
                .timeout(timeout)
                .role(role)
                .logGroup(logs)
                .environment(Map.of("POWERTOOLS_SERVICE_NAME", SERVICE_NAME))
                .build();
        NagFindings.suppress(function, "AwsSolutions-L1", "The lifecycle handlers are built for Java 21, the "
                + "project's bytecode level and the runtime docs/personalize-resources.md specifies; moving to "
                + "Java 25 is a project-wide change.");
        return function;
    }
}
