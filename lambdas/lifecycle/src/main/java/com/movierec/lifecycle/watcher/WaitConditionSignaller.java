package com.movierec.lifecycle.watcher;

/** PUTs a signal to a CloudFormation WaitCondition handle's presigned URL. */
@FunctionalInterface
public interface WaitConditionSignaller {
    /**
     * @param signalUrl the presigned URL: a secret that implementations never log nor put in an exception message
     * @param body      the signal JSON, see {@link SignalBody}
     */
    void signal(String signalUrl, String body);
}
