package com.movierec.infra.batch;

import static com.movierec.schemas.contract.PersonalizeStatus.ACTIVE;
import static com.movierec.schemas.contract.PersonalizeStatus.CREATE_FAILED;

import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.PersonalizeService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.constructs.Construct;

/**
 * The workflow behind batch recommendations, a standard Step Functions state machine: it reads which solution
 * version the user-personalization campaign serves, starts a batch inference job on it for every user in
 * {@code batch/input/users.json}, writing to {@code batch/output/<execution name>/}, then checks the job every
 * {@link #POLL} until it is ACTIVE (success) or CREATE FAILED (the execution fails with Personalize's
 * failureReason), for {@link #TIMEOUT} at most. Its executions are logged, execution data included (ARNs and paths,
 * never user data), to a log group encrypted with its own key, and traced with X-Ray.
 *
 * <p>The version is read at run time rather than taken from the Personalize stack: a scheduled retraining moves the
 * campaign to a new version without a deploy, and the batch lists must come from the model the API serves.
 */
final class BatchWorkflow extends Construct {
    static final Duration POLL = Duration.minutes(5);
    static final Duration TIMEOUT = Duration.hours(12);
    static final String FAILED_ERROR = "BatchInferenceJobFailed";

    private final StateMachine stateMachine;

    /**
     * @param inputUri  {@code s3://<bucket>/batch/input/users.json}
     * @param outputUri {@code s3://<bucket>/batch/output/}; each execution writes under its name below it
     */
    BatchWorkflow(Construct scope, String id, PersonalizeNames names, PersonalizeArns arns, String campaignArn,
                  Optional<String> filterArn, int numResults, String personalizeRoleArn, String inputUri,
                  String outputUri, String dataKeyArn) {
        super(scope, id);
        String jobs = jobArns(arns);
        List<String> versions = List.of(servedVersions(arns));

        // The job's name: this environment's prefix and a hash of the execution's ARN, unique per execution and
        // always a valid Personalize name (an execution name may hold characters a job name may not).
        // Every multi-key Map.of below is copied into a TreeMap: Map.of's iteration order changes from one JVM to the
        // next, and so would the definition's text; a synth must be deterministic.
        Pass name = Pass.Builder.create(this, "NameJob")
                .parameters(Map.of("Batch", new TreeMap<>(Map.of(
                        "JobName", JsonPath.format(jobNamePrefix(names) + "{}",
                                JsonPath.hash(JsonPath.getExecutionId(), "MD5")),
                        "OutputPath", JsonPath.format(outputUri + "{}/", JsonPath.getExecutionName())))))
                .build();
        CallAwsService servedVersion = CallAwsService.Builder.create(this, "FindServedVersion")
                .service("personalize")
                .action("describeCampaign")
                .iamAction("personalize:DescribeCampaign")
                .iamResources(List.of(campaignArn))
                .parameters(Map.of("CampaignArn", campaignArn))
                .resultSelector(Map.of("SolutionVersionArn", JsonPath.stringAt("$.Campaign.SolutionVersionArn")))
                .resultPath("$.Served")
                .build();

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("JobName", JsonPath.stringAt("$.Batch.JobName"));
        job.put("SolutionVersionArn", JsonPath.stringAt("$.Served.SolutionVersionArn"));
        job.put("NumResults", numResults);
        filterArn.ifPresent(arn -> job.put("FilterArn", arn));
        job.put("JobInput", Map.of("S3DataSource",
                new TreeMap<>(Map.of("Path", inputUri, "KmsKeyArn", dataKeyArn))));
        job.put("JobOutput", Map.of("S3DataDestination",
                new TreeMap<>(Map.of("Path", JsonPath.stringAt("$.Batch.OutputPath"), "KmsKeyArn", dataKeyArn))));
        job.put("RoleArn", personalizeRoleArn);
        CallAwsService create = CallAwsService.Builder.create(this, "CreateBatchInferenceJob")
                .service("personalize")
                .action("createBatchInferenceJob")
                .iamAction("personalize:CreateBatchInferenceJob")
                // Authorised against the new job's ARN and the solution (version) it uses.
                .iamResources(List.of(jobs, versions.get(0)))
                .additionalIamStatements(List.of(PolicyStatement.Builder.create()
                        .sid("PassServiceRoleToPersonalize")
                        .actions(List.of("iam:PassRole"))
                        .resources(List.of(personalizeRoleArn))
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", PersonalizeService.PRINCIPAL)))
                        .build()))
                .parameters(job)
                .resultSelector(Map.of("BatchInferenceJobArn", JsonPath.stringAt("$.BatchInferenceJobArn")))
                .resultPath("$.Job")
                .build();

        Wait pause = Wait.Builder.create(this, "WaitForJob").time(WaitTime.duration(POLL)).build();
        CallAwsService describe = CallAwsService.Builder.create(this, "DescribeBatchInferenceJob")
                .service("personalize")
                .action("describeBatchInferenceJob")
                .iamAction("personalize:DescribeBatchInferenceJob")
                .iamResources(List.of(jobs))
                .parameters(Map.of("BatchInferenceJobArn", JsonPath.stringAt("$.Job.BatchInferenceJobArn")))
                .resultPath("$.Described")
                .build();
        // A throttled or failed check must not end a job that may be hours in: try again, the job goes on.
        describe.addRetry(RetryProps.builder()
                .errors(List.of(Errors.ALL))
                .interval(Duration.seconds(30))
                .backoffRate(2)
                .maxAttempts(5)
                .build());
        Pass report = Pass.Builder.create(this, "Report")
                .parameters(new TreeMap<>(Map.of(
                        "BatchInferenceJobArn", JsonPath.stringAt("$.Job.BatchInferenceJobArn"),
                        "SolutionVersionArn", JsonPath.stringAt("$.Served.SolutionVersionArn"),
                        "OutputPath", JsonPath.stringAt("$.Batch.OutputPath"))))
                .build();
        Fail failed = Fail.Builder.create(this, "JobFailed")
                .error(FAILED_ERROR)
                .causePath("$.Described.BatchInferenceJob.FailureReason")
                .build();
        String status = "$.Described.BatchInferenceJob.Status";
        Choice done = Choice.Builder.create(this, "JobDone").build()
                .when(Condition.stringEquals(status, ACTIVE), report.next(Succeed.Builder.create(this, "Written")
                        .build()))
                .when(Condition.stringEquals(status, CREATE_FAILED), failed)
                .otherwise(pause);

        LogGroup logs = encryptedLogGroup(names);
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(stateMachineName(names))
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(name.next(servedVersion).next(create).next(pause)
                        .next(describe).next(done)))
                .timeout(TIMEOUT)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();

        PersonalizeArns nag = PersonalizeArns.asNagReportsThem(Stack.of(this), names);
        NagFindings.suppress(NagFindings.defaultPolicy(stateMachine.getRole()), "AwsSolutions-IAM5",
                "Batch inference jobs are named per execution: create and describe only this environment's ("
                        + jobNamePrefix(names) + "*), from the user-personalization solution's versions only; X-Ray "
                        + "and CloudWatch Logs delivery support no resource-level permissions.",
                List.of(NagFindings.resource(jobArns(nag)), NagFindings.resource(servedVersions(nag)),
                        NagFindings.resource("*")));
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    static String stateMachineName(PersonalizeNames names) {
        return names.prefix() + "batch-recommendations";
    }

    /** Every batch inference job of this environment is named {@code movierec-<env>-batch-<hash>}. */
    static String jobNamePrefix(PersonalizeNames names) {
        return names.prefix() + "batch-";
    }

    private static String jobArns(PersonalizeArns arns) {
        return arns.resource("batch-inference-job", jobNamePrefix(arns.names()) + "*");
    }

    /** The user-personalization solution of any recipe, and each of its versions (solution/name/id). */
    private static String servedVersions(PersonalizeArns arns) {
        return arns.resource("solution", arns.names().prefix() + RecipeSlot.USER_PERSONALIZATION.nameSegment() + "-*");
    }

    /** A log group of its own key: CloudWatch Logs may use the key for this log group only. */
    private LogGroup encryptedLogGroup(PersonalizeNames names) {
        Stack stack = Stack.of(this);
        String logGroupName = "/aws/vendedlogs/states/" + stateMachineName(names);
        Key key = Key.Builder.create(this, "LogsKey")
                .description("Encrypts the movierec " + names.environment() + " batch recommendations' logs")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchLogsUsesKey")
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                        stack.formatArn(ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName(logGroupName)
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                .build()))))
                .build());
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName(logGroupName)
                .encryptionKey(key)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        return logs;
    }
}
