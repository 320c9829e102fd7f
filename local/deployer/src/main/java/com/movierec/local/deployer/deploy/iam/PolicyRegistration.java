package com.movierec.local.deployer.deploy.iam;

import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.state.StateStore;

/**
 * Deploys a resource with its own handler, then tells the account's IAM what it means (see
 * {@link DeployedPolicies}): the role, policy, bucket, key or function exists for IAM from the moment CloudFormation
 * would report it created, and is gone once deleted.
 */
public final class PolicyRegistration implements ResourceHandler {
    private final ResourceHandler delegate;
    private final LocalAccount account;

    public PolicyRegistration(ResourceHandler delegate, LocalAccount account) {
        this.delegate = delegate;
        this.account = account;
    }

    /** Whether resources of {@code type} mean something to IAM. */
    public static boolean concerns(String type) {
        return DeployedPolicies.TYPES.contains(type);
    }

    /** Registers what the stacks already deployed (in an earlier run) mean for IAM. */
    public static void restore(LocalAccount account, StateStore store) {
        for (StackState stack : store.all()) {
            for (ResourceRecord record : stack.resources().values()) {
                if (concerns(record.type())) {
                    DeployedPolicies.register(account, key(stack.stackName(), record.logicalId(),
                            record.physicalId()), record.type(),
                            record.properties(), record.physicalId(), record.attributes());
                }
            }
        }
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        ResourceOutcome outcome = delegate.create(request);
        register(request, outcome);
        return outcome;
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        // In place, this overwrites; a replacement registers the new one beside the old, which CloudFormation's
        // cleanup then deletes (and withdraws) by its own physical id.
        ResourceOutcome outcome = delegate.update(request);
        register(request, outcome);
        return outcome;
    }

    @Override
    public void delete(ResourceRequest request) {
        delegate.delete(request);
        ResourceRecord previous = request.previous();
        if (previous != null) {
            DeployedPolicies.withdraw(account, key(request.stack().stackName(), request.logicalId(),
                    previous.physicalId()), previous.type(), previous.properties(), previous.physicalId(),
                    previous.attributes());
        }
    }

    private void register(ResourceRequest request, ResourceOutcome outcome) {
        DeployedPolicies.register(account, key(request.stack().stackName(), request.logicalId(),
                outcome.physicalId()), request.type(), request.properties(), outcome.physicalId(),
                outcome.attributes());
    }

    /** One deployed resource across runs and replacements. */
    private static String key(String stackName, String logicalId, String physicalId) {
        return stackName + "/" + logicalId + "/" + physicalId;
    }
}
