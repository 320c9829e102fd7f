package com.movierec.infra.personalize.provider;

import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * Watches imports and trainings that outlive a custom resource: a standard Step Functions workflow calls the
 * watcher Lambda, waits {@code $.PollSeconds} and loops until the Lambda reports {@code Done} (it has then signalled
 * the job's WaitCondition).
 */
public final class JobWatcher extends Construct {
    static final String HANDLER = "com.movierec.lifecycle.WatcherHandler::handleRequest";

    private final StateMachine stateMachine;

    public JobWatcher(Construct scope, String id, Path lifecycleJar, PersonalizeArns arns, Duration timeout) {
        super(scope, id);
        Role role = Role.Builder.create(this, "FunctionRole")
                .description("The movierec watcher Lambda: describes imports and trainings")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("personalize:DescribeDatasetImportJob", "personalize:DescribeSolutionVersion"))
                .resources(watchedResources(arns))
                .build());
        Function check = LifecycleFunction.create(this, "Function", lifecycleJar, HANDLER, Duration.minutes(1), role);

        LambdaInvoke checkJob = LambdaInvoke.Builder.create(this, "CheckJob")
                .lambdaFunction(check)
                .payloadResponseOnly(true)
                .build();
        Wait pause = Wait.Builder.create(this, "WaitPollSeconds")
                .time(WaitTime.secondsPath("$.PollSeconds"))
                .build();
        Choice done = Choice.Builder.create(this, "Done?").build()
                .when(Condition.booleanEquals("$.Done", true), Succeed.Builder.create(this, "Signalled").build())
                .otherwise(pause.next(checkJob));
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(checkJob.next(done)))
                .timeout(timeout)
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(LogGroup.Builder.create(this, "StateMachineLogs")
                                .retention(RetentionDays.ONE_MONTH)
                                .removalPolicy(RemovalPolicy.DESTROY)
                                .build())
                        .level(LogLevel.ALL)
                        // The input carries the WaitCondition's presigned SignalUrl: it must never reach a log.
                        .includeExecutionData(false)
                        .build())
                .build();
        NagFindings.suppress(NagFindings.defaultPolicy(role), "AwsSolutions-IAM5", "Import job and solution "
                + "version ARNs are known only once created: the watcher may describe this environment's ("
                + arns.names().prefix() + "*) and no others.", watchedResources(PersonalizeArns.asNagReportsThem(
                Stack.of(this), arns.names())).stream().map(NagFindings::resource).toList());
        NagFindings.suppress(NagFindings.defaultPolicy(stateMachine.getRole()), "AwsSolutions-IAM5",
                "Step Functions may invoke any version or alias of the watcher Lambda (ARN:*, LambdaInvoke's grant), "
                        + "and the X-Ray and CloudWatch Logs delivery actions support no resource-level permissions.",
                List.of(NagFindings.resource(NagFindings.arnOf(check) + ":*"), NagFindings.resource("*")));
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    private static List<String> watchedResources(PersonalizeArns arns) {
        return List.of(arns.ownResources("dataset-import-job"), arns.ownResources("solution"));
    }
}
