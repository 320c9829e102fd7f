package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Set;

/** Where and how often a watcher reports a job: read before the job starts, so a missing one starts nothing. */
record WatchSettings(String signalUrl, String stateMachineArn, int pollSeconds) {
    static final String SIGNAL_URL = "SignalUrl";
    static final String STATE_MACHINE = "WatcherStateMachineArn";
    static final String POLL_SECONDS = "PollSeconds";
    /** These steer the watcher, not Personalize, so changing them never replaces the job. */
    static final Set<String> PROPERTIES = Set.of(SIGNAL_URL, STATE_MACHINE, POLL_SECONDS);

    static WatchSettings from(CustomResourceType type, Properties properties) {
        String signalUrl = properties.required(SIGNAL_URL);
        if (!signalUrl.startsWith("https://") && !signalUrl.startsWith("http://")) {
            throw Failure.property(type, SIGNAL_URL, "must be the WaitConditionHandle's URL (Ref of the handle)");
        }
        String stateMachineArn = properties.required(STATE_MACHINE);
        if (!Arns.isArn(stateMachineArn)) {
            throw Failure.property(type, STATE_MACHINE, "must be the watcher state machine's ARN, not '"
                    + stateMachineArn + "'");
        }
        return new WatchSettings(signalUrl, stateMachineArn, properties.optionalInt(POLL_SECONDS, 60, 1));
    }

    @Override
    public String toString() {
        return "WatchSettings[stateMachineArn=" + stateMachineArn + ", pollSeconds=" + pollSeconds + "]";
    }
}
