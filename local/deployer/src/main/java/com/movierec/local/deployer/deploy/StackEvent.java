package com.movierec.local.deployer.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of a stack's event history, as CloudFormation's console shows it. Stack-level events have the stack name
 * as logical id and {@code AWS::CloudFormation::Stack} as type.
 *
 * @param physicalId the resource's physical id once it has one (a Personalize resource's ARN), as CloudFormation's
 *                   PhysicalResourceId; none for stack events and for a create until it completes
 * @param path       the construct path below the stack (from {@code aws:cdk:path}), e.g. {@code DatasetGroup}
 * @param reason     why it failed or was skipped
 * @param elapsed    for *_COMPLETE and *_FAILED: time since the matching *_IN_PROGRESS
 */
public record StackEvent(Instant time, String stackName, String logicalId, Optional<String> physicalId,
                         String resourceType, ResourceStatus status, Optional<String> path, Optional<String> reason,
                         Optional<Duration> elapsed) {
    public static final String STACK_TYPE = "AWS::CloudFormation::Stack";

    public boolean isStackEvent() {
        return resourceType.equals(STACK_TYPE);
    }
}
