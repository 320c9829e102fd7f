package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as IAM sees it, with every policy that applies to it: what the simulator evaluates.
 *
 * @param principal         the caller: an assumed-role session ARN, a user ARN or a service principal
 *                          ({@code personalize.amazonaws.com})
 * @param action            {@code service:Action}
 * @param resource          the resource's ARN ({@code "*"} for actions that take no resource type)
 * @param resourceAccount   the account that owns the resource
 * @param context           condition keys and their values ({@code aws:SourceArn}, {@code iam:PassedToService}, ...)
 * @param identityPolicies  the caller's policies by name (empty for a service principal)
 * @param resourcePolicy    the resource's own policy (bucket, key or trust policy), or null
 */
public record SimulationRequest(String principal, String action, String resource, String resourceAccount,
                                Map<String, String> context, List<NamedPolicy> identityPolicies,
                                JsonNode resourcePolicy) {
    public SimulationRequest {
        context = Map.copyOf(context);
        identityPolicies = List.copyOf(identityPolicies);
    }

    /** iam-simulate's {@code Simulation} shape. */
    ObjectNode toSimulation(ObjectMapper json) {
        ObjectNode simulation = json.createObjectNode();
        ObjectNode request = simulation.putObject("request");
        request.put("principal", principal);
        request.put("action", action);
        request.putObject("resource").put("resource", resource).put("accountId", resourceAccount);
        ObjectNode variables = request.putObject("contextVariables");
        new TreeMap<>(context).forEach(variables::put);
        ArrayNode identity = simulation.putArray("identityPolicies");
        for (NamedPolicy policy : identityPolicies) {
            identity.addObject().put("name", policy.name()).set("policy", policy.document());
        }
        if (resourcePolicy != null) {
            simulation.set("resourcePolicy", resourcePolicy);
        }
        return simulation;
    }
}
