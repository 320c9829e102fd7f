package com.movierec.infra.batch;

import com.movierec.infra.data.DataStore;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.workflow.WorkflowSchedule;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Batch recommendations (issue 6): a Personalize batch inference job writes {@code numResults} recommendations for
 * every user of the training interactions to the data bucket, for clients that want precomputed lists. It runs
 * whenever the state machine {@code movierec-<env>-batch-recommendations} is started, and on
 * {@code batchRecommendations.schedule} when one is configured.
 *
 * <ul>
 *   <li>Input: {@code s3://<data bucket>/batch/input/users.json}, uploaded by this stack ({@link BatchInput}).</li>
 *   <li>Output: {@code s3://<data bucket>/batch/output/<execution name>/users.json.out}, encrypted by the data
 *       key, JSON lines {@code {"input": {"userId": ...}, "output": {"recommendedItems": [...], "scores": [...]},
 *       "error": null}}.</li>
 * </ul>
 *
 * <p>Deploys after the Data and Personalize stacks: it attaches a policy to the Personalize service role (by name),
 * and adds statements to the Data stack's bucket policy (Personalize may list the batch prefixes, read the input and
 * write the output) and key policy (its upload role may encrypt the input).
 */
public final class BatchRecommendationsStack extends Stack {
    public static final String INPUT_PREFIX = "batch/input/";
    public static final String INPUT_KEY = INPUT_PREFIX + BatchInput.FILE_NAME;
    public static final String OUTPUT_PREFIX = "batch/output/";

    private final StateMachine stateMachine;
    private final String outputUri;

    public BatchRecommendationsStack(Construct scope, String id, BatchRecommendationsStackProps props) {
        super(scope, id, StackProps.builder()
                .stackName(props.stackName())
                .description("movierec " + props.names().environment() + ": batch recommendations for every user")
                .build());
        PersonalizeNames names = props.names();
        PersonalizeArns arns = PersonalizeArns.of(this, names);
        DataStore store = props.dataStore();
        String bucketName = store.bucket().getBucketName();
        String personalizeRoleName = names.serviceRoleName(getRegion());
        outputUri = "s3://" + bucketName + "/" + OUTPUT_PREFIX;

        new BatchInput(this, "Input", names, arns, store, props.preparedData(), props.inputBuildRoot());
        new PersonalizeBatchAccess(this, "PersonalizeAccess", arns, personalizeRoleName, store);
        stateMachine = new BatchWorkflow(this, "Workflow", names, arns, props.campaignArn(), props.filterArn(),
                props.settings().numResults(), arns.iamRole(personalizeRoleName),
                "s3://" + bucketName + "/" + INPUT_KEY, outputUri, store.key().getKeyArn()).stateMachine();

        props.settings().schedule().ifPresent(expression -> WorkflowSchedule.start(this,
                BatchWorkflow.stateMachineName(names), "Starts the movierec " + names.environment() + " batch recommendations",
                expression, stateMachine));

        CfnOutput.Builder.create(this, "StateMachineArn")
                .description("Start it to write batch recommendations: aws stepfunctions start-execution "
                        + "--state-machine-arn <this>")
                .value(stateMachine.getStateMachineArn())
                .build();
        CfnOutput.Builder.create(this, "OutputPrefix")
                .description("Each execution writes <this><execution name>/users.json.out")
                .value(outputUri)
                .build();
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** {@code s3://<data bucket>/batch/output/}: each execution writes below it, under its own name. */
    public String outputUri() {
        return outputUri;
    }
}
