package com.movierec.lifecycle.testing;

import static org.mockito.Mockito.mock;

import com.movierec.lifecycle.IsCompleteHandler;
import com.movierec.lifecycle.OnEventHandler;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The two Provider-framework handlers wired to mocked SDK clients, as the local deployer wires them to real ones:
 * onEvent once, then isComplete with onEvent's answer laid over the event, as the framework polls.
 */
public final class Harness {
    public final PersonalizeClient personalize = mock(PersonalizeClient.class);
    public final SfnClient sfn = mock(SfnClient.class);
    public final RecordingSleeper sleeper = new RecordingSleeper();
    public final OnEventHandler onEventHandler = new OnEventHandler(personalize, sfn, sleeper);
    public final IsCompleteHandler isCompleteHandler = new IsCompleteHandler(personalize, sleeper);

    public Map<String, Object> onEvent(Map<String, Object> event) {
        return onEventHandler.handleRequest(event, new TestContext());
    }

    /** isComplete for {@code event} after onEvent answered {@code onEventAnswer}. */
    public Map<String, Object> isComplete(Map<String, Object> event, Map<String, Object> onEventAnswer) {
        return isCompleteHandler.handleRequest(Events.afterOnEvent(event, onEventAnswer), new TestContext());
    }
}
