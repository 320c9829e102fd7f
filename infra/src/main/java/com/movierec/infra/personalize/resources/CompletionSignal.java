package com.movierec.infra.personalize.resources;

import software.amazon.awscdk.CfnWaitCondition;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * A WaitCondition and its handle: the watcher signals the handle's presigned URL when a job is done. A
 * WaitCondition cannot be re-armed, so its construct id carries the hash of what the job is started with, and a new
 * job gets a new pair.
 */
final class CompletionSignal extends Construct {
    private final CfnWaitConditionHandle handle;
    private final CfnWaitCondition condition;

    CompletionSignal(Construct scope, String jobHash, java.time.Duration timeout) {
        super(scope, "Completion" + jobHash);
        handle = new CfnWaitConditionHandle(this, "Handle");
        condition = CfnWaitCondition.Builder.create(this, "Condition")
                .handle(handle.getRef())
                .timeout(Long.toString(timeout.toSeconds()))
                .count(1)
                .build();
    }

    /** The presigned URL the watcher PUTs SUCCESS or FAILURE to. */
    String signalUrl() {
        return handle.getRef();
    }

    /** The WaitCondition, which completes when the job has. */
    CfnWaitCondition condition() {
        return condition;
    }

    /** Starts the wait only once the job has been started. */
    void after(IDependable job) {
        condition.getNode().addDependency(job);
    }
}
