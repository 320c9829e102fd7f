package com.movierec.infra.retraining;

import static com.movierec.schemas.contract.PersonalizeStatus.ACTIVE;
import static com.movierec.schemas.contract.PersonalizeStatus.CREATE_FAILED;
import static com.movierec.schemas.contract.PersonalizeStatus.CREATE_STOPPED;

import com.movierec.infra.config.QualityGateSettings;
import com.movierec.infra.config.QualityGateSettings.SlotGate;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.nag.NagFindings;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.PersonalizeService;
import com.movierec.schemas.DatasetType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Chain;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Errors;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Parallel;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * The scheduled retraining, a standard Step Functions state machine {@code movierec-<env>-retraining}:
 *
 * <ol>
 *   <li>imports the interactions again from the location the deploy imported them from, in FULL mode: FULL replaces
 *       only the bulk-imported records, so the events the API recorded through PutEvents stay (INCREMENTAL would
 *       append the same file again and needs 1000 new records), then checks the job every {@link #POLL} until it is
 *       ACTIVE or fails the execution ({@value #IMPORT_FAILED}, Personalize's failureReason);</li>
 *   <li>retrains every deployed slot side by side (a Parallel, one branch per slot): finds the solution whose version
 *       the slot's campaign serves, trains a new version of it (trainingMode FULL) and waits until it is ACTIVE;</li>
 *   <li>for a gated slot, runs the deploy's quality gate on it ({@link GateFunction}) and, only when it passes, moves
 *       the campaign to it (UpdateCampaign) and waits for the update. An ungated slot is updated like a deploy updates
 *       it, without a check.</li>
 * </ol>
 *
 * <p>Each slot runs inside a one-branch Parallel whose Fail states ({@value #TRAINING_FAILED}, {@value #GATE_FAILED}
 * with the gate's sentences: metric, value and bound, {@value #UPDATE_FAILED}) are caught into that slot's outcome,
 * so one slot's failure neither stops the others nor touches its campaign. The execution then fails
 * ({@value #RETRAINING_FAILED}, every slot's outcome as the cause) when any slot failed.
 */
final class RetrainingWorkflow extends Construct {
    static final Duration POLL = Duration.minutes(5);
    static final Duration TIMEOUT = Duration.hours(24);
    static final String IMPORT_FAILED = "DatasetImportJobFailed";
    static final String TRAINING_FAILED = "TrainingFailed";
    static final String GATE_FAILED = "QualityGateFailed";
    static final String UPDATE_FAILED = "CampaignUpdateFailed";
    static final String RETRAINING_FAILED = "RetrainingFailed";

    private final StateMachine stateMachine;

    /**
     * @param campaignArns       the deployed campaigns by slot
     * @param dataLocation       {@code s3://<bucket>/datasets/<dataset>/<dataVersion>/interactions.csv}
     * @param personalizeRoleArn the role Personalize reads the data with
     * @param gate               the gate function, present when any slot is gated
     */
    RetrainingWorkflow(Construct scope, String id, PersonalizeNames names, PersonalizeArns arns,
                       Map<RecipeSlot, String> campaignArns, QualityGateSettings gates, String dataLocation,
                       String personalizeRoleArn, Optional<Function> gate) {
        super(scope, id);
        String jobs = importJobArns(arns);

        Pass name = Pass.Builder.create(this, "NameImportJob")
                .parameters(Map.of("ImportJobName", JsonPath.format(jobNamePrefix(names) + "{}",
                        JsonPath.hash(JsonPath.getExecutionId(), "MD5"))))
                .build();
        Map<String, Object> importJob = new LinkedHashMap<>();
        importJob.put("JobName", JsonPath.stringAt("$.ImportJobName"));
        importJob.put("DatasetArn", interactionsDatasetArn(arns));
        importJob.put("DataSource", Map.of("DataLocation", dataLocation));
        importJob.put("RoleArn", personalizeRoleArn);
        importJob.put("ImportMode", "FULL");
        CallAwsService startImport = sdk("ImportInteractions", "createDatasetImportJob",
                List.of(jobs, interactionsDatasetArn(arns)), importJob)
                .additionalIamStatements(List.of(PolicyStatement.Builder.create()
                        .sid("PassServiceRoleToPersonalize")
                        .actions(List.of("iam:PassRole"))
                        .resources(List.of(personalizeRoleArn))
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", PersonalizeService.PRINCIPAL)))
                        .build()))
                .resultSelector(Map.of("DatasetImportJobArn", JsonPath.stringAt("$.DatasetImportJobArn")))
                .resultPath("$.Import")
                .build();
        Wait importPause = pause("WaitForImport");
        CallAwsService describeImport = patient(sdk("DescribeImport", "describeDatasetImportJob", List.of(jobs),
                Map.of("DatasetImportJobArn", JsonPath.stringAt("$.Import.DatasetImportJobArn")))
                .resultPath("$.ImportStatus")
                .build());
        String importStatus = "$.ImportStatus.DatasetImportJob.Status";

        Parallel slots = Parallel.Builder.create(this, "RetrainSlots")
                .comment("One branch per deployed campaign; each ends in its outcome, failures included")
                .resultPath("$.Slots")
                .build();
        List<RecipeSlot> order = new ArrayList<>(campaignArns.keySet());
        for (RecipeSlot slot : order) {
            slots.branch(slot(slot, arns, campaignArns.get(slot), gates.gate(slot), gate));
        }

        List<Condition> failed = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            failed.add(Condition.booleanEquals("$.Slots[" + i + "].Failed", true));
        }
        Pass describeFailures = Pass.Builder.create(this, "DescribeOutcomes")
                .parameters(Map.of("Cause", JsonPath.jsonToString(JsonPath.objectAt("$.Slots"))))
                .build();
        Choice anyFailed = Choice.Builder.create(this, "AnySlotFailed").build()
                .when(failed.size() == 1 ? failed.get(0) : Condition.or(failed.toArray(Condition[]::new)),
                        describeFailures.next(Fail.Builder.create(this, "RetrainingFailed")
                                .error(RETRAINING_FAILED)
                                .causePath("$.Cause")
                                .build()))
                .otherwise(Succeed.Builder.create(this, "Retrained").build());

        Choice importDone = Choice.Builder.create(this, "ImportDone").build()
                .when(Condition.stringEquals(importStatus, ACTIVE), slots.next(anyFailed))
                .when(Condition.stringEquals(importStatus, CREATE_FAILED), Fail.Builder.create(this, "ImportFailed")
                        .error(IMPORT_FAILED)
                        .causePath("$.ImportStatus.DatasetImportJob.FailureReason")
                        .build())
                .otherwise(importPause);

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/vendedlogs/states/" + stateMachineName(names))
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(stateMachineName(names))
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(name.next(startImport).next(importPause)
                        .next(describeImport).next(importDone)))
                .timeout(TIMEOUT)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();

        PersonalizeArns nag = PersonalizeArns.asNagReportsThem(Stack.of(this), names);
        List<String> findings = new ArrayList<>();
        findings.add(NagFindings.resource(importJobArns(nag)));
        GateFunction.versionArns(nag, campaignArns.keySet()).forEach(arn -> findings.add(NagFindings.resource(arn)));
        gate.ifPresent(function -> findings.add(NagFindings.resource(NagFindings.arnOf(function) + ":*")));
        findings.add(NagFindings.resource("*"));
        NagFindings.suppress(NagFindings.defaultPolicy(stateMachine.getRole()), "AwsSolutions-IAM5",
                "Import jobs are named per execution (" + jobNamePrefix(names) + "*) and solution versions are known "
                        + "only once trained: this environment's retraining imports and the deployed slots' solutions "
                        + "(solution/<name>-*) only; Step Functions may invoke any version of the gate Lambda (ARN:*, "
                        + "LambdaInvoke's grant); X-Ray and CloudWatch Logs delivery support no resource-level "
                        + "permissions.", findings);
    }

    /**
     * One slot's branch: a one-branch Parallel, so its Fail states end the slot, not the execution; its outcome is
     * {@code {"Slot", "Failed": false, "SolutionVersionArn"}} or {@code {"Slot", "Failed": true, "Error", "Cause"}}.
     */
    private IChainable slot(RecipeSlot slot, PersonalizeArns arns, String campaignArn, Optional<SlotGate> slotGate,
                            Optional<Function> gate) {
        String s = slot.constructId();
        List<String> versions = GateFunction.versionArns(arns, Set.of(slot));
        CallAwsService served = sdk(s + "FindServedVersion", "describeCampaign", List.of(campaignArn),
                Map.of("CampaignArn", campaignArn))
                .resultSelector(Map.of("SolutionVersionArn", JsonPath.stringAt("$.Campaign.SolutionVersionArn")))
                .resultPath("$.Served")
                .build();
        CallAwsService solution = sdk(s + "FindSolution", "describeSolutionVersion", versions,
                Map.of("SolutionVersionArn", JsonPath.stringAt("$.Served.SolutionVersionArn")))
                .resultSelector(Map.of("SolutionArn", JsonPath.stringAt("$.SolutionVersion.SolutionArn")))
                .resultPath("$.Solution")
                .build();
        CallAwsService train = sdk(s + "CreateSolutionVersion", "createSolutionVersion", versions,
                // A TreeMap, as for every multi-key map here: Map.of's order changes from one JVM to the next.
                new TreeMap<>(Map.of("SolutionArn", JsonPath.stringAt("$.Solution.SolutionArn"),
                        "TrainingMode", "FULL")))
                .resultSelector(Map.of("SolutionVersionArn", JsonPath.stringAt("$.SolutionVersionArn")))
                .resultPath("$.Version")
                .build();
        Wait trainingPause = pause(s + "WaitForTraining");
        CallAwsService describeVersion = patient(sdk(s + "DescribeSolutionVersion", "describeSolutionVersion",
                versions, Map.of("SolutionVersionArn", JsonPath.stringAt("$.Version.SolutionVersionArn")))
                .resultPath("$.Training")
                .build());
        String trainingStatus = "$.Training.SolutionVersion.Status";

        Map<String, Object> updateRequest = new TreeMap<>(Map.of("CampaignArn", campaignArn,
                "SolutionVersionArn", JsonPath.stringAt("$.Version.SolutionVersionArn")));
        CallAwsService update = sdk(s + "UpdateCampaign", "updateCampaign", List.of(campaignArn), updateRequest)
                .resultPath(JsonPath.DISCARD)
                .build();
        Wait updatePause = pause(s + "WaitForCampaign");
        CallAwsService describeCampaign = patient(sdk(s + "DescribeCampaign", "describeCampaign",
                List.of(campaignArn), Map.of("CampaignArn", campaignArn))
                .resultPath("$.Campaign")
                .build());
        String updateStatus = "$.Campaign.Campaign.LatestCampaignUpdate.Status";
        Pass updated = Pass.Builder.create(this, s + "Updated")
                .parameters(new TreeMap<>(Map.of("Slot", slot.configKey(), "Failed", false,
                        "SolutionVersionArn", JsonPath.stringAt("$.Version.SolutionVersionArn"))))
                .build();
        Choice updateDone = Choice.Builder.create(this, s + "CampaignUpdated").build()
                .when(Condition.and(Condition.isPresent(updateStatus), Condition.stringEquals(updateStatus, ACTIVE)),
                        updated)
                .when(Condition.and(Condition.isPresent(updateStatus),
                        Condition.stringEquals(updateStatus, CREATE_FAILED)), fail(s + "CampaignUpdateFailed",
                        UPDATE_FAILED, "$.Campaign.Campaign.LatestCampaignUpdate.FailureReason"))
                .otherwise(updatePause);
        Chain deploy = update.next(updatePause).next(describeCampaign).next(updateDone);

        IChainable afterTraining = slotGate.<IChainable>map(g -> {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("solutionVersionArn", JsonPath.stringAt("$.Version.SolutionVersionArn"));
            input.put("campaignArn", campaignArn);
            input.put("gate", GateFunction.gateInput(g));
            LambdaInvoke check = LambdaInvoke.Builder.create(this, s + "CheckQualityGate")
                    .lambdaFunction(gate.orElseThrow())
                    .payload(TaskInput.fromObject(input))
                    .payloadResponseOnly(true)
                    .resultPath("$.Gate")
                    .build();
            return check.next(Choice.Builder.create(this, s + "GatePassed").build()
                    .when(Condition.booleanEquals("$.Gate.passed", true), deploy)
                    .otherwise(fail(s + "GateFailed", GATE_FAILED, "$.Gate.cause")));
        }).orElse(deploy);

        Choice trained = Choice.Builder.create(this, s + "TrainingDone").build()
                .when(Condition.stringEquals(trainingStatus, ACTIVE), afterTraining)
                .when(Condition.stringEquals(trainingStatus, CREATE_FAILED), fail(s + "TrainingFailed",
                        TRAINING_FAILED, "$.Training.SolutionVersion.FailureReason"))
                .when(Condition.stringEquals(trainingStatus, CREATE_STOPPED), Fail.Builder.create(this,
                        s + "TrainingStopped").error(TRAINING_FAILED).cause("The solution version was stopped "
                        + "before it finished training.").build())
                .otherwise(trainingPause);

        Parallel work = Parallel.Builder.create(this, s)
                .comment("Retrains " + slot.configKey() + "; its Fail states end this slot only")
                .outputPath("$[0]")
                .build();
        work.branch(served.next(solution).next(train).next(trainingPause).next(describeVersion).next(trained));
        work.addCatch(Pass.Builder.create(this, s + "Failed")
                .parameters(new TreeMap<>(Map.of("Slot", slot.configKey(), "Failed", true,
                        "Error", JsonPath.stringAt("$.Error.Error"), "Cause", JsonPath.stringAt("$.Error.Cause"))))
                .build(), CatchProps.builder().errors(List.of(Errors.ALL)).resultPath("$.Error").build());
        return work;
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    static String stateMachineName(PersonalizeNames names) {
        return names.prefix() + "retraining";
    }

    /** Every retraining import of this environment is {@code movierec-<env>-retrain-<MD5 of the execution>}. */
    static String jobNamePrefix(PersonalizeNames names) {
        return names.prefix() + "retrain-";
    }

    private static String importJobArns(PersonalizeArns arns) {
        return arns.resource("dataset-import-job", jobNamePrefix(arns.names()) + "*");
    }

    /** A dataset's ARN is {@code dataset/<dataset group name>/<TYPE>}; the group has a fixed name. */
    static String interactionsDatasetArn(PersonalizeArns arns) {
        return arns.resource("dataset", arns.names().name("dataset-group") + "/"
                + DatasetType.INTERACTIONS.personalizeName().toUpperCase(Locale.ROOT));
    }

    private CallAwsService.Builder sdk(String id, String action, List<String> resources,
                                       Map<String, Object> parameters) {
        return CallAwsService.Builder.create(this, id)
                .service("personalize")
                .action(action)
                .iamAction("personalize:" + Character.toUpperCase(action.charAt(0)) + action.substring(1))
                .iamResources(resources)
                .parameters(parameters);
    }

    /** A throttled or failed check must not end a job that may be hours in: try again, the job goes on. */
    private static CallAwsService patient(CallAwsService check) {
        check.addRetry(RetryProps.builder()
                .errors(List.of(Errors.ALL))
                .interval(Duration.seconds(30))
                .backoffRate(2)
                .maxAttempts(5)
                .build());
        return check;
    }

    private Wait pause(String id) {
        return Wait.Builder.create(this, id).time(WaitTime.duration(POLL)).build();
    }

    private Fail fail(String id, String error, String causePath) {
        return Fail.Builder.create(this, id).error(error).causePath(causePath).build();
    }
}
