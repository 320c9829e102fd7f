package com.movierec.local.deployer.deploy.resources;

/**
 * Creates, updates and deletes resources of some types locally. A failure throws {@link ResourceFailure} with the
 * reason CloudFormation would show.
 */
public interface ResourceHandler {
    ResourceOutcome create(ResourceRequest request);

    /** An update; a different physical id in the outcome means the resource was replaced. */
    ResourceOutcome update(ResourceRequest request);

    void delete(ResourceRequest request);
}
