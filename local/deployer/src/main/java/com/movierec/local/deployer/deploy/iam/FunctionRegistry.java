package com.movierec.local.deployer.deploy.iam;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda functions and state machines the deployed stacks define, by ARN: local mode runs their handlers
 * in-process, and each handler's AWS calls must carry its own function's execution role (a state machine's, its
 * role), as they would in Lambda and Step Functions.
 */
public final class FunctionRegistry {
    private final Map<String, DeployedFunction> byArn = new ConcurrentHashMap<>();
    private final Map<String, DeployedStateMachine> stateMachines = new ConcurrentHashMap<>();

    void putStateMachine(DeployedStateMachine machine) {
        stateMachines.put(machine.arn(), machine);
    }

    void removeStateMachine(String arn) {
        stateMachines.remove(arn);
    }

    public java.util.Optional<DeployedStateMachine> stateMachine(String arn) {
        return java.util.Optional.ofNullable(stateMachines.get(arn));
    }

    void put(DeployedFunction function) {
        byArn.put(function.arn(), function);
    }

    void remove(String arn) {
        byArn.remove(arn);
    }

    /**
     * The one deployed function whose handler is {@code handler} (e.g. {@code com.movierec.api.ApiHandler::handleRequest}).
     *
     * @throws IllegalStateException naming what to deploy when there is none, or naming them when there are several
     */
    public DeployedFunction withHandler(String handler) {
        List<DeployedFunction> matching = byArn.values().stream().filter(f -> handler.equals(f.handler()))
                .sorted(java.util.Comparator.comparing(DeployedFunction::arn)).toList();
        if (matching.isEmpty()) {
            throw new IllegalStateException("no deployed Lambda function has the handler " + handler + ": deploy the "
                    + "stack that defines it before local mode runs it");
        }
        if (matching.size() > 1) {
            throw new IllegalStateException("several deployed Lambda functions have the handler " + handler + " ("
                    + matching.stream().map(DeployedFunction::name).toList() + "): local mode cannot tell which "
                    + "one's role to run it with");
        }
        return matching.get(0);
    }

    public List<DeployedFunction> all() {
        return List.copyOf(byArn.values());
    }

    public java.util.Optional<DeployedFunction> byArn(String arn) {
        return java.util.Optional.ofNullable(byArn.get(arn));
    }
}
