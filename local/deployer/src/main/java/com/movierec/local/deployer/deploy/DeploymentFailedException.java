package com.movierec.local.deployer.deploy;

import java.util.List;
import java.util.Optional;

/**
 * A stack that failed to deploy or destroy. It names the resource that failed, its type and CloudFormation's reason;
 * when the failure was signalled to a WaitCondition by a job's watcher, it names the job resource and says which
 * WaitCondition received it. {@link #finalStatus()} tells whether the rollback left nothing behind.
 */
public final class DeploymentFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stackName;
    private final String logicalId;
    private final String resourceType;
    private final String reason;
    private final String signalledTo;
    private final ResourceStatus finalStatus;
    private final List<String> rollbackProblems;

    public DeploymentFailedException(String stackName, String logicalId, String resourceType, String reason,
                                     String signalledTo, ResourceStatus finalStatus, List<String> rollbackProblems) {
        super(message(stackName, logicalId, resourceType, reason, signalledTo, finalStatus, rollbackProblems));
        this.stackName = stackName;
        this.logicalId = logicalId;
        this.resourceType = resourceType;
        this.reason = reason;
        this.signalledTo = signalledTo;
        this.finalStatus = finalStatus;
        this.rollbackProblems = List.copyOf(rollbackProblems);
    }

    public String stackName() {
        return stackName;
    }

    public String logicalId() {
        return logicalId;
    }

    public String resourceType() {
        return resourceType;
    }

    /** CloudFormation's reason, e.g. Personalize's failureReason as the watcher reported it. */
    public String reason() {
        return reason;
    }

    /** The WaitCondition the failure reached the stack through, when a watcher signalled it. */
    public Optional<String> signalledTo() {
        return Optional.ofNullable(signalledTo);
    }

    /** ROLLBACK_COMPLETE, UPDATE_ROLLBACK_COMPLETE, or a *_FAILED status when something was left behind. */
    public ResourceStatus finalStatus() {
        return finalStatus;
    }

    public List<String> rollbackProblems() {
        return rollbackProblems;
    }

    private static String message(String stackName, String logicalId, String resourceType, String reason,
                                  String signalledTo, ResourceStatus finalStatus, List<String> rollbackProblems) {
        StringBuilder message = new StringBuilder(logicalId).append(" (").append(resourceType).append(") failed: ")
                .append(reason);
        if (signalledTo != null) {
            message.append(" [signalled to WaitCondition ").append(signalledTo).append(']');
        }
        message.append("; stack ").append(stackName).append(" is ").append(finalStatus);
        if (!rollbackProblems.isEmpty()) {
            message.append(", left behind: ").append(String.join("; ", rollbackProblems));
        }
        return message.toString();
    }
}
