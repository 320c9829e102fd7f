package com.movierec.infra.personalize.provider;

import com.movierec.infra.nag.NagFindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.IConstruct;

/**
 * The findings cdk-nag raises on what CDK's Provider framework creates inside itself, each suppressed on the one
 * resource concerned: the framework's grants to invoke our handlers, and its waiter state machine's missing tracing.
 */
final class ProviderFrameworkSuppressions {
    private static final String INVOKE_REASON = "Lambda's grantInvoke, used by the Provider framework, allows every "
            + "version and alias (ARN:*) of our own handler functions and nothing else.";

    private ProviderFrameworkSuppressions() {
    }

    static void apply(Provider provider, IFunction onEvent, IFunction isComplete) {
        Function frameworkOnEvent = (Function) provider.getNode().findChild("framework-onEvent");
        Function frameworkIsComplete = (Function) provider.getNode().findChild("framework-isComplete");
        Function frameworkOnTimeout = (Function) provider.getNode().findChild("framework-onTimeout");
        NagFindings.suppress(NagFindings.defaultPolicy(frameworkOnEvent.getRole()), "AwsSolutions-IAM5",
                INVOKE_REASON, invokeAll(onEvent, isComplete));
        NagFindings.suppress(NagFindings.defaultPolicy(frameworkIsComplete.getRole()), "AwsSolutions-IAM5",
                INVOKE_REASON, invokeAll(onEvent, isComplete));

        IConstruct waiter = provider.getNode().findChild("waiter-state-machine");
        List<String> waiterWildcards = new ArrayList<>(invokeAll(frameworkIsComplete, frameworkOnTimeout));
        waiterWildcards.add(NagFindings.resource("*"));
        NagFindings.suppress(NagFindings.defaultPolicy(waiter.getNode().findChild("Role")), "AwsSolutions-IAM5",
                "The Provider framework's waiter may invoke any version or alias (ARN:*) of the framework's "
                        + "isComplete and onTimeout functions, and the CloudWatch Logs delivery actions its logging "
                        + "needs support no resource-level permissions.", waiterWildcards);
        NagFindings.suppress(waiter.getNode().findChild("Resource"), "AwsSolutions-SF2", "The Provider "
                + "framework's waiter state machine (aws-cdk-lib) offers no X-Ray option; it only re-invokes "
                + "isComplete, and its executions are logged at level ALL.");
    }

    private static List<String> invokeAll(IFunction... functions) {
        return Arrays.stream(functions)
                .map(function -> NagFindings.resource(NagFindings.arnOf(function) + ":*"))
                .toList();
    }
}
