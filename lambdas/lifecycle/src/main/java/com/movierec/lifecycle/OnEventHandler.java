package com.movierec.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.lifecycle.resources.Lifecycle;
import com.movierec.lifecycle.watcher.StepFunctionsWatcherLauncher;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Provider framework's onEvent: starts Create, Update and Delete of every Personalize resource type and answers
 * {@code {"PhysicalResourceId", "Data"}}. Handler {@code com.movierec.lifecycle.OnEventHandler::handleRequest}.
 */
public final class OnEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Lifecycle lifecycle;

    /** Lambda's constructor: clients from the environment, built once per execution environment. */
    public OnEventHandler() {
        this(AwsClients.personalize(), AwsClients.stepFunctions(), Sleeper.SYSTEM);
    }

    /** For tests and the local deployer, which bring their own clients and clock. */
    public OnEventHandler(PersonalizeClient personalize, SfnClient sfn, Sleeper sleeper) {
        Retry retry = new Retry(sleeper);
        this.lifecycle = new Lifecycle(personalize, new StepFunctionsWatcherLauncher(sfn, retry), retry);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> lifecycle.onEvent(event));
    }
}
