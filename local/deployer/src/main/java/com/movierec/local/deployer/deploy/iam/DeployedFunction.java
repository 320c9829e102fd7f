package com.movierec.local.deployer.deploy.iam;

import java.util.Map;

/** An {@code AWS::Lambda::Function} as deployed: what runs in it and with which execution role. */
public record DeployedFunction(String name, String arn, String roleArn, String handler, Map<String, String> environment) {
    public DeployedFunction {
        environment = Map.copyOf(environment);
    }
}
