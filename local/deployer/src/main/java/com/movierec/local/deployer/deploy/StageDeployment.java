package com.movierec.local.deployer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A deployed stage: its stacks' states, in deployment order. */
public record StageDeployment(String stageName, List<StackState> stacks) {
    /** The handler of the recommendations API's Lambda, which identifies it among the stage's functions. */
    public static final String API_HANDLER = "com.movierec.api.ApiHandler::handleRequest";

    public StageDeployment {
        stacks = List.copyOf(stacks);
    }

    /** The stack named {@code stackName}, e.g. {@code movierec-dev-personalize}. */
    public StackState stack(String stackName) {
        return stacks.stream().filter(s -> s.stackName().equals(stackName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("stage " + stageName + " has no stack " + stackName));
    }

    /**
     * The environment variables of the API function as deployed (every reference resolved: campaign and filter ARNs
     * of personalize-local, the event tracker's id, ...), for constructing the API handler locally.
     */
    public Map<String, String> apiEnvironment() {
        return apiFunction().map(StageDeployment::variables).orElseThrow(() -> new IllegalStateException(
                "stage " + stageName + " has no Lambda function with handler " + API_HANDLER));
    }

    private Optional<ResourceRecord> apiFunction() {
        return stacks.stream().flatMap(stack -> stack.resources().values().stream())
                .filter(record -> record.type().equals("AWS::Lambda::Function"))
                .filter(record -> API_HANDLER.equals(record.properties().path("Handler").asText()))
                .findFirst();
    }

    private static Map<String, String> variables(ResourceRecord function) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode values = function.properties().path("Environment").path("Variables");
        values.properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        return variables;
    }
}
