package com.movierec.local.deployer.deploy.resources;

import com.movierec.local.deployer.deploy.assembly.AssetCatalog;

/**
 * The stack a resource is deployed in, and its environment: what CloudFormation's pseudo parameters say.
 *
 * @param stackId a stack ARN, stable for the stack name so that repeated deploys resolve it alike
 */
public record StackContext(String stackName, String stackId, String region, String accountId, AssetCatalog assets) {
    public static final String PARTITION = "aws";
    public static final String URL_SUFFIX = "amazonaws.com";

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}; pass "" as region for global services such as IAM. */
    public String arn(String service, String region, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** An ARN in this stack's region. */
    public String arn(String service, String resource) {
        return arn(service, region, resource);
    }
}
