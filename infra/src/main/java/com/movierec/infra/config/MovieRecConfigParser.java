package com.movierec.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.infra.SynthException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code movierec} context object of cdk.json into a {@link MovieRecConfig}, bound by Jackson
 * ({@link ConfigBinder}), or throws a {@link SynthException} with one sentence per invalid value (full key path, the
 * value, the fix). {@code infra/movierec-config.schema.json} describes the same keys for editors.
 */
public final class MovieRecConfigParser {
    public static final String CONTEXT_KEY = "movierec";

    private MovieRecConfigParser() {
    }

    /** @param context the context's {@code movierec} value as CDK reads it: maps, lists, strings, numbers */
    public static MovieRecConfig parse(Object context) {
        if (context == null) {
            throw new SynthException("cdk.json has no \"" + CONTEXT_KEY + "\" context: add \"" + CONTEXT_KEY
                    + "\": {\"environments\": {\"dev\": {\"region\": \"eu-west-1\"}}} under \"context\" "
                    + "(infra/README.md lists every key).");
        }
        JsonNode tree = ConfigBinder.JSON.valueToTree(context);
        if (!tree.isObject()) {
            throw new SynthException(CONTEXT_KEY + " is " + ConfigProblem.show(tree) + ": make it a JSON object "
                    + "with an \"environments\" object (infra/README.md lists every key).");
        }
        List<String> environments = new ArrayList<>();
        tree.path("environments").fieldNames().forEachRemaining(environments::add);
        return ConfigBinder.bind((ObjectNode) tree, MovieRecConfig.class, CONTEXT_KEY,
                Map.of(PipelineConfig.ENVIRONMENTS, List.copyOf(environments)));
    }
}
