package com.movierec.infra.retraining;

import com.movierec.infra.config.QualityGateSettings.SlotGate;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The retraining's quality gate: {@code com.movierec.lifecycle.RetrainingGateHandler} from the lifecycle jar (the
 * deploy's check, on a version the workflow trained), Java 21 on arm64 like the lifecycle handlers, with its own log
 * group and X-Ray tracing. Its role may read the metrics of the gated slots' solution versions and describe their
 * campaigns (the regression baseline), nothing else.
 */
final class GateFunction extends Construct {
    static final String HANDLER = "com.movierec.lifecycle.RetrainingGateHandler::handleRequest";
    private static final int MEMORY_MB = 512;

    private final Function function;

    /** @param gated the gated slots' campaign ARNs */
    GateFunction(Construct scope, String id, PersonalizeNames names, PersonalizeArns arns, Path lifecycleJar,
                 Map<RecipeSlot, String> gated) {
        super(scope, id);
        Role role = Role.Builder.create(this, "Role")
                .description("Checks the quality gate of the movierec " + names.environment() + " retraining")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadNewAndServedVersionsMetrics")
                .actions(List.of("personalize:GetSolutionMetrics"))
                .resources(versionArns(arns, gated.keySet()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("FindServedVersions")
                .actions(List.of("personalize:DescribeCampaign"))
                .resources(List.copyOf(gated.values()))
                .build());
        function = Function.Builder.create(this, "Function")
                .description("movierec " + names.environment() + " retraining: the quality gate of a new version")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(lifecycleJar.toString()))
                .handler(HANDLER)
                .memorySize(MEMORY_MB)
                .timeout(Duration.minutes(1))
                .role(role)
                .logGroup(logs)
                .tracing(Tracing.ACTIVE)
                .environment(Map.of("POWERTOOLS_SERVICE_NAME", "movierec-retraining"))
                .build();

        NagFindings.suppress(function, "AwsSolutions-L1", "Built from the lifecycle jar, Java 21 bytecode like every "
                + "lifecycle handler; moving to Java 25 is a project-wide change.");
        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "Solution version ARNs are known "
                + "only once trained: metrics of the gated slots' solutions' versions only (solution/<name>-*); X-Ray "
                + "supports no resource-level permissions.",
                Stream.concat(versionArns(PersonalizeArns.asNagReportsThem(Stack.of(this), names), gated.keySet())
                        .stream(), Stream.of("*")).map(NagFindings::resource).toList());
    }

    Function function() {
        return function;
    }

    /** Every solution of a slot, whatever its recipe, and each of its versions: solution/movierec-env-slot-*. */
    static List<String> versionArns(PersonalizeArns arns, Set<RecipeSlot> slots) {
        return slots.stream().map(slot -> arns.resource("solution", arns.names().prefix() + slot.nameSegment()
                + "-*")).toList();
    }

    /** The handler's {@code gate}: {@code {"minimums": {"<metric>": 0.05}, "maxRegression": 0.1}}, as JSON numbers. */
    static Map<String, Object> gateInput(SlotGate gate) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("minimums", new LinkedHashMap<>(gate.minimums()));
        gate.maxRegression().ifPresent(max -> input.put("maxRegression", max));
        return input;
    }
}
