package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;

/**
 * The logical ids an expression refers to through Ref, Fn::GetAtt and Fn::Sub: with DependsOn, what CloudFormation
 * orders resources by. Parameters and pseudo parameters are not resources and are left out.
 */
public final class References {
    private References() {
    }

    /** Every resource id {@code node} refers to; {@code parameters} are the names that are not resources. */
    public static Set<String> resourcesIn(JsonNode node, Set<String> parameters) {
        Set<String> ids = new TreeSet<>();
        collect(node, parameters, Set.of(), ids);
        return ids;
    }

    private static void collect(JsonNode node, Set<String> parameters, Set<String> subVariables, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, parameters, subVariables, ids));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("Ref")) {
            addName(node.get("Ref").asText(), parameters, subVariables, ids);
            return;
        }
        if (node.size() == 1 && node.has("Fn::GetAtt")) {
            JsonNode args = node.get("Fn::GetAtt");
            String target = args.isArray() ? args.path(0).asText() : args.asText().split("\\.", 2)[0];
            ids.add(target);
            return;
        }
        if (node.size() == 1 && node.has("Fn::Sub")) {
            collectSub(node.get("Fn::Sub"), parameters, ids);
            return;
        }
        node.forEach(child -> collect(child, parameters, subVariables, ids));
    }

    private static void collectSub(JsonNode args, Set<String> parameters, Set<String> ids) {
        String text = args.isArray() ? args.path(0).asText() : args.asText();
        Set<String> variables = new TreeSet<>();
        if (args.isArray() && args.path(1).isObject()) {
            args.get(1).properties().forEach(e -> {
                variables.add(e.getKey());
                collect(e.getValue(), parameters, Set.of(), ids);
            });
        }
        for (SubString.Part part : SubString.parse(text)) {
            if (part instanceof SubString.Variable variable) {
                if (variable.isAttribute()) {
                    ids.add(variable.name());
                } else {
                    addName(variable.name(), parameters, variables, ids);
                }
            }
        }
    }

    private static void addName(String name, Set<String> parameters, Set<String> subVariables, Set<String> ids) {
        if (!name.startsWith("AWS::") && !parameters.contains(name) && !subVariables.contains(name)) {
            ids.add(name);
        }
    }
}
