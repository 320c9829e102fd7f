package com.movierec.infra.personalize.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How a long job (an import or a training) is watched after its custom resource has started it.
 *
 * @param stateMachineArn the watcher state machine that polls the job and signals the WaitCondition
 * @param pollSeconds     the wait between two checks
 * @param timeout         how long the WaitCondition waits for the signal
 */
public record JobWatch(String stateMachineArn, int pollSeconds, Duration timeout) {

    public JobWatch {
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        if (pollSeconds < 1) {
            throw new IllegalArgumentException("pollSeconds is " + pollSeconds + ": use 1 or more");
        }
        if (timeout.toSeconds() <= pollSeconds || timeout.toHours() > 12) {
            throw new IllegalArgumentException("timeout " + timeout + " must be longer than one poll and at most "
                    + "12 hours (a CloudFormation WaitCondition's limit)");
        }
    }
}
