package com.movierec.local.deployer.deploy.iam;

import com.movierec.local.personalize.iam.AccessDeniedException;
import com.movierec.local.personalize.iam.Caller;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * The calls between the deployed pieces that local mode short-cuts in-process, authorised as AWS would authorise
 * them: CDK's Provider framework function invoking the lifecycle onEvent (and, through its waiter state machine and
 * isComplete function, the lifecycle isComplete), the onEvent handler starting the job watcher's state machine, and
 * that state machine invoking the watcher function. Each caller is the deployed function's or state machine's role.
 */
public final class InvocationChecks {
    private static final String USER_ON_EVENT = "USER_ON_EVENT_FUNCTION_ARN";
    private static final String USER_IS_COMPLETE = "USER_IS_COMPLETE_FUNCTION_ARN";
    private static final String WAITER = "WAITER_STATE_MACHINE_ARN";
    private static final String FRAMEWORK_IS_COMPLETE = "framework.isComplete";

    private final LocalAccount account;

    public InvocationChecks(LocalAccount account) {
        this.account = account;
    }

    /** CloudFormation invokes the ServiceToken; the framework's onEvent function invokes the user's onEvent. */
    public void onEvent(Map<String, Object> event) {
        DeployedFunction framework = framework(event);
        invoke(account.sessionOf(framework), framework.environment().get(USER_ON_EVENT));
    }

    /**
     * The framework's onEvent starts its waiter state machine, whose role invokes the framework's isComplete
     * function, whose role invokes the user's isComplete.
     */
    public void isComplete(Map<String, Object> event) {
        DeployedFunction framework = framework(event);
        String userIsComplete = framework.environment().get(USER_IS_COMPLETE);
        String waiterArn = framework.environment().get(WAITER);
        require(account.sessionOf(framework), "states:StartExecution", waiterArn);
        DeployedStateMachine waiter = account.functions().stateMachine(waiterArn).orElseThrow(() ->
                new IllegalStateException("the Provider's waiter state machine " + waiterArn + " is not deployed"));
        DeployedFunction frameworkIsComplete = account.functions().all().stream()
                .filter(f -> FRAMEWORK_IS_COMPLETE.equals(f.handler())
                        && userIsComplete.equals(f.environment().get(USER_IS_COMPLETE)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no deployed framework isComplete "
                        + "function calls " + userIsComplete));
        invoke(account.sessionOf(waiter), frameworkIsComplete.arn());
        invoke(account.sessionOf(frameworkIsComplete), userIsComplete);
    }

    /**
     * The lifecycle onEvent handler (running as {@code onEventHandler}'s function) starts an execution.
     *
     * @throws SfnException AccessDeniedException, as Step Functions answers
     */
    public void startExecution(String onEventHandler, String stateMachineArn) {
        try {
            account.authorizer().require(account.sessionOf(account.functions().withHandler(onEventHandler)),
                    "states:StartExecution", stateMachineArn, Map.of());
        } catch (AccessDeniedException e) {
            throw (SfnException) SfnException.builder().statusCode(400).message(e.getMessage())
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                            .errorMessage(e.getMessage()).serviceName("SFN").build()).build();
        }
    }

    /** An execution of {@code stateMachineArn} invokes the function with {@code handler}. */
    public void stateMachineInvokes(String stateMachineArn, String handler) {
        DeployedStateMachine machine = account.functions().stateMachine(stateMachineArn).orElseThrow(() ->
                new IllegalStateException("the state machine " + stateMachineArn + " is not deployed"));
        invoke(account.sessionOf(machine), account.functions().withHandler(handler).arn());
    }

    private DeployedFunction framework(Map<String, Object> event) {
        String token = String.valueOf(event.get("ServiceToken"));
        return account.functions().byArn(token).orElseThrow(() -> new IllegalStateException("the ServiceToken "
                + token + " is no deployed Lambda function: deploy the stack that defines its provider first"));
    }

    private void invoke(Caller caller, String functionArn) {
        require(caller, "lambda:InvokeFunction", functionArn);
    }

    /** @throws IllegalStateException "AccessDeniedException: ..." as the invoking code would fail with */
    private void require(Caller caller, String action, String resource) {
        try {
            account.authorizer().require(caller, action, resource, Map.of());
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("AccessDeniedException: " + e.getMessage(), e);
        }
    }
}
