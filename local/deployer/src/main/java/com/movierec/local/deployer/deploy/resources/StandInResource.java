package com.movierec.local.deployer.deploy.resources;

/**
 * An AWS-only resource (IAM, KMS, Lambda, log groups, state machines, API Gateway, ...): nothing runs locally, so
 * it only gets the deterministic physical id and attributes {@link StandInIdentities} makes up, which is what
 * {@code Ref} and {@code Fn::GetAtt} need. A changed name property gives a new physical id: a replacement, as in
 * CloudFormation.
 */
public final class StandInResource implements ResourceHandler {
    @Override
    public ResourceOutcome create(ResourceRequest request) {
        return StandInIdentities.of(request);
    }

    @Override
    public ResourceOutcome update(ResourceRequest request) {
        return StandInIdentities.of(request);
    }

    @Override
    public void delete(ResourceRequest request) {
        // Nothing exists locally: the stand-in was only a name.
    }
}
