package com.movierec.local.deployer.deploy.iam;

/** An {@code AWS::StepFunctions::StateMachine} as deployed: the role its executions run with, its definition. */
public record DeployedStateMachine(String arn, String name, String roleArn, String definition) {
}
