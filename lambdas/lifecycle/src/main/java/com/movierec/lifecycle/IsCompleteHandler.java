package com.movierec.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.lifecycle.resources.Lifecycle;
import com.movierec.lifecycle.watcher.WatcherLauncher;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Provider framework's isComplete: answers {@code {"IsComplete": false}} until the resource onEvent started is
 * ready or gone, then {@code {"IsComplete": true, "Data"}}. Handler
 * {@code com.movierec.lifecycle.IsCompleteHandler::handleRequest}.
 */
public final class IsCompleteHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Watchers are started by onEvent only; isComplete of an import or a training answers at once. */
    private static final WatcherLauncher NO_WATCHERS = (stateMachineArn, input) -> {
        throw new IllegalStateException("isComplete never starts a watcher; onEvent does");
    };

    private final Lifecycle lifecycle;

    /** Lambda's constructor: the client from the environment, built once per execution environment. */
    public IsCompleteHandler() {
        this(AwsClients.personalize(), Sleeper.SYSTEM);
    }

    /** For tests and the local deployer, which bring their own client and clock. */
    public IsCompleteHandler(PersonalizeClient personalize, Sleeper sleeper) {
        this.lifecycle = new Lifecycle(personalize, NO_WATCHERS, new Retry(sleeper));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> lifecycle.isComplete(event));
    }
}
