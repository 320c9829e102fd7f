package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Values that satisfy a shape of the model, every optional member included, so that every member has a place in a
 * request for the invalid variants to break. Strings with a pattern take the first of a few plausible values that
 * the pattern accepts; a new pattern none of them fits fails loudly, asking for one more.
 */
final class ValidValues {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> PATTERNED = List.of("corpus", "Interactions",
            "arn:aws:personalize:us-east-1:000000000000:dataset-group/corpus", "arn:aws:iam::000000000000:role/corpus",
            "arn:aws:kms:us-east-1:000000000000:key/corpus", "s3://corpus/data.csv", "rate(7 days)");

    private final ServiceModel model;

    ValidValues(ServiceModel model) {
        this.model = model;
    }

    JsonNode of(Shape shape) {
        return switch (shape.type()) {
            case STRUCTURE -> {
                ObjectNode node = JSON.objectNode();
                shape.members().values().forEach(m -> node.set(m.name(), of(model.shape(m.target()))));
                yield node;
            }
            case LIST -> {
                ArrayNode list = JSON.arrayNode();
                JsonNode element = of(model.shape(shape.element()));
                for (int i = 0; i < Math.max(1, intOr(shape.min(), 1)); i++) {
                    list.add(element.deepCopy());
                }
                yield list;
            }
            case MAP -> JSON.objectNode().set(key(model.shape(shape.key()), 0), of(model.shape(shape.value())));
            case STRING -> JSON.textNode(string(shape));
            case INTEGER, LONG, FLOAT, DOUBLE -> JSON.numberNode(number(shape));
            case BOOLEAN -> JSON.booleanNode(true);
            case TIMESTAMP -> JSON.numberNode(1_700_000_000L);
            case BLOB -> JSON.textNode("Y29ycHVz");
        };
    }

    /** The {@code i}th of distinct valid keys of a map's key shape. */
    String key(Shape keyShape, int i) {
        String base = string(keyShape);
        if (i == 0) {
            return base;
        }
        StringBuilder suffix = new StringBuilder();
        for (int n = i; n > 0; n /= 26) {
            suffix.append((char) ('a' + n % 26));
        }
        String key = base + suffix;
        if (!fits(keyShape, key)) {
            throw new IllegalStateException("no distinct valid keys for " + keyShape.name());
        }
        return key;
    }

    static String string(Shape shape) {
        if (!shape.enumValues().isEmpty()) {
            return shape.enumValues().get(0);
        }
        if (shape.pattern() == null) {
            return "a".repeat(Math.max(1, intOr(shape.min(), 1)));
        }
        return PATTERNED.stream().filter(s -> fits(shape, s)).findFirst().orElseThrow(() ->
                new IllegalStateException("none of " + PATTERNED + " fits the pattern " + shape.pattern()
                        + " of shape " + shape.name() + ": add a value that does"));
    }

    static boolean fits(Shape shape, String s) {
        int length = s.codePointCount(0, s.length());
        return (shape.min() == null || length >= shape.min().intValue())
                && (shape.max() == null || length <= shape.max().intValue())
                && (shape.pattern() == null || shape.pattern().matcher(s).matches());
    }

    private static BigDecimal number(Shape shape) {
        if (shape.min() != null) {
            return shape.min();
        }
        return shape.max() != null && shape.max().compareTo(BigDecimal.ONE) < 0 ? shape.max() : BigDecimal.ONE;
    }

    static int intOr(BigDecimal value, int otherwise) {
        return value == null ? otherwise : value.intValueExact();
    }
}
