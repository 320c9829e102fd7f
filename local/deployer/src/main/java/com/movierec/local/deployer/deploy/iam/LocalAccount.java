package com.movierec.local.deployer.deploy.iam;

import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.iam.SessionCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The local account whose IAM local mode enforces: the policies the deployed templates define ({@link AccountIam}),
 * the simulator that evaluates them ({@link Authorizer}), and the deployed functions, so that each handler local mode
 * runs signs its calls with its own function's role, as Lambda's credentials would.
 */
public final class LocalAccount {
    private final Authorizer authorizer;
    private final FunctionRegistry functions = new FunctionRegistry();

    public LocalAccount(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** A new account {@code accountId} evaluated by the JVM's IAM simulator. */
    public static LocalAccount enforcing(String accountId) {
        return new LocalAccount(new Authorizer(new AccountIam(accountId), IamSimulator.shared()));
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public AccountIam iam() {
        return authorizer.iam();
    }

    public FunctionRegistry functions() {
        return functions;
    }

    /** The role session a deployed function's code calls AWS as: {@code assumed-role/<role>/<function name>}. */
    public Caller sessionOf(DeployedFunction function) {
        return session(function.roleArn(), function.name());
    }

    /** The role session a state machine's executions run as: {@code assumed-role/<role>/<state machine name>}. */
    public Caller sessionOf(DeployedStateMachine machine) {
        return session(machine.roleArn(), machine.name());
    }

    private Caller session(String roleArn, String sessionName) {
        return iam().caller(iam().assumeRole(roleArn, sessionName).accessKeyId()).orElseThrow();
    }

    /**
     * Credentials of the function whose handler is {@code handler}, resolved at each call: the function may be
     * deployed after the client is built, and a redeploy may give it another role.
     */
    public AwsCredentialsProvider credentialsOf(String handler) {
        return () -> {
            DeployedFunction function = functions.withHandler(handler);
            SessionCredentials session = iam().assumeRole(function.roleArn(), function.name());
            return AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                    session.sessionToken());
        };
    }
}
