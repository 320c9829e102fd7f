package com.movierec.infra.retraining;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.personalize.PersonalizeArns;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.workflow.WorkflowSchedule;
import com.movierec.schemas.DatasetType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * Scheduled retraining (issue 6): the state machine {@code movierec-<env>-retraining} imports the interactions again
 * (FULL, so PutEvents data stays), trains a new version of every deployed solution, and moves each campaign to its new
 * version only when the version passes the slot's quality gate, the deploy's very check ({@link RetrainingWorkflow}).
 * It runs whenever it is started, and on {@code retraining.schedule} when one is configured.
 *
 * <p>It exists in every environment that does not use Personalize's auto-training ({@link #appliesTo}): without a
 * schedule it is the on-demand way to retrain on the events recorded since the deploy, with the deploy's gate, and
 * costs nothing while idle (a state machine, a Lambda, two log groups). With auto-training Personalize retrains and
 * the campaigns follow its latest version, which an UpdateCampaign to a fixed version would break off.
 *
 * <p>Deploys after the Data and Personalize stacks: it finds the campaigns, the dataset group and the Personalize
 * service role by the names the Personalize stack gives them, so it adds no export to that stack.
 */
public final class RetrainingStack extends Stack {
    private final StateMachine stateMachine;

    public RetrainingStack(Construct scope, String id, RetrainingStackProps props) {
        super(scope, id, StackProps.builder()
                .stackName(props.stackName())
                .description("movierec " + props.names().environment() + ": retraining behind the quality gate")
                .build());
        PersonalizeNames names = props.names();
        PersonalizeArns arns = PersonalizeArns.of(this, names);
        Map<RecipeSlot, String> gated = new EnumMap<>(RecipeSlot.class);
        props.qualityGate().bySlot().keySet().forEach(slot -> gated.put(slot, props.campaignArns().get(slot)));
        Optional<Function> gate = gated.isEmpty()
                ? Optional.empty()
                : Optional.of(new GateFunction(this, "QualityGate", names, arns, props.lifecycleJar(), gated)
                        .function());

        stateMachine = new RetrainingWorkflow(this, "Workflow", names, arns, props.campaignArns(), props.qualityGate(),
                props.dataStore().location(DatasetType.INTERACTIONS.csvFileName()),
                arns.iamRole(names.serviceRoleName(getRegion())), gate).stateMachine();

        props.settings().schedule().ifPresent(expression -> WorkflowSchedule.start(this,
                RetrainingWorkflow.stateMachineName(names), "Starts the movierec " + names.environment() + " retraining",
                expression, stateMachine));

        CfnOutput.Builder.create(this, "StateMachineArn")
                .description("Start it to retrain now: aws stepfunctions start-execution --state-machine-arn <this>")
                .value(stateMachine.getStateMachineArn())
                .build();
    }

    /**
     * Whether an environment gets this stack: every environment without auto-training (the config refuses a
     * retraining schedule together with auto-training, and an on-demand retraining would break the campaigns'
     * sync with the latest auto-trained version).
     */
    public static boolean appliesTo(EnvironmentConfig config) {
        return !config.training().autoTraining();
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }
}
