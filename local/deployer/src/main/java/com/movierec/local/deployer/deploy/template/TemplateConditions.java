package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The template's Conditions, each evaluated once; a condition that refers to itself is an error. */
public final class TemplateConditions {
    private final Map<String, JsonNode> definitions;
    private final Map<String, Boolean> values = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    public TemplateConditions(Map<String, JsonNode> definitions) {
        this.definitions = definitions;
    }

    public boolean evaluate(String name, Intrinsics intrinsics) {
        Boolean known = values.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = definitions.get(name);
        if (definition == null) {
            throw new TemplateException("Template format error: Unresolved condition dependency " + name
                    + " (it is not in the Conditions section)");
        }
        if (!evaluating.add(name)) {
            throw new TemplateException("Template format error: condition " + name + " refers to itself");
        }
        try {
            boolean value = intrinsics.condition(definition, "Conditions." + name);
            values.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }
}
