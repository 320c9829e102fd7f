package com.movierec.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.lifecycle.watcher.HttpWaitConditionSignaller;
import com.movierec.lifecycle.watcher.WaitConditionSignaller;
import com.movierec.lifecycle.watcher.Watcher;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The watcher state machine's Check step: describes an import job or a solution version, signals its WaitCondition
 * when it is ACTIVE or failed, and returns the input with {@code Done} and {@code Status}. Handler
 * {@code com.movierec.lifecycle.WatcherHandler::handleRequest}.
 */
public final class WatcherHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Watcher watcher;

    /** Lambda's constructor: the client from the environment and an HTTP signaller, built once. */
    public WatcherHandler() {
        this(AwsClients.personalize(), new HttpWaitConditionSignaller(), Sleeper.SYSTEM);
    }

    /** For tests and the local deployer, which bring their own client, signaller and clock. */
    public WatcherHandler(PersonalizeClient personalize, WaitConditionSignaller signaller, Sleeper sleeper) {
        this.watcher = new Watcher(personalize, new Retry(sleeper), signaller);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> watcher.check(input));
    }
}
