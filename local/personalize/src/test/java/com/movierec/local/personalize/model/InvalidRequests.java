package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Derives invalid requests from an operation's input shape, each breaking one constraint of the model in an
 * otherwise valid request ({@link ValidValues}): every required member missing, every string one code point
 * too long or too short, against its pattern or outside its enum, every number one beyond its range, every list and
 * map one element too many or too few, every bad list element and map key or value, and every member of the wrong
 * JSON type. Each says which error and which words, with the member's path, the answer must carry.
 */
final class InvalidRequests {
    static final String VALIDATION = "ValidationException";
    static final String SERIALIZATION = "SerializationException";
    /** Strings tried, each repeated up to a shape's minimum length, until one breaks its pattern. */
    private static final List<String> PATTERN_BREAKERS = List.of("!", "é", " ", "\t");

    /**
     * One invalid value at some depth, as the whole value of the member it sits in.
     *
     * @param kind     what is broken, e.g. {@code string too long}
     * @param error    the error code the answer must have
     * @param expected words the answer's message must contain, naming the member's path
     */
    record Variant(JsonNode value, String kind, String error, String expected) {
        Variant inside(JsonNode container) {
            return new Variant(container, kind, error, expected);
        }
    }

    private final ServiceModel model;
    private final ValidValues valid;

    InvalidRequests(ServiceModel model) {
        this.model = model;
        this.valid = new ValidValues(model);
    }

    /** The invalid requests of an operation's input shape. */
    List<Variant> of(Shape input) {
        return variants(input, "").toList();
    }

    private Stream<Variant> variants(Shape shape, String at) {
        return switch (shape.type()) {
            case STRUCTURE -> structure(shape, at);
            case LIST -> list(shape, at);
            case MAP -> map(shape, at);
            case STRING -> string(shape, at).stream();
            case INTEGER, LONG, FLOAT, DOUBLE -> number(shape, at).stream();
            case BOOLEAN, TIMESTAMP, BLOB -> Stream.empty();
        };
    }

    private Stream<Variant> structure(Shape shape, String path) {
        ObjectNode base = (ObjectNode) valid.of(shape);
        List<Variant> out = new ArrayList<>();
        for (Shape.Member member : shape.members().values()) {
            String at = path.isEmpty() ? member.name() : path + "." + member.name();
            Shape target = model.shape(member.target());
            if (shape.required().contains(member.name())) {
                ObjectNode without = base.deepCopy();
                without.remove(member.name());
                out.add(new Variant(without, "required member missing", VALIDATION,
                        violation(at, RequestValidator.NOT_NULL)));
            }
            out.add(new Variant(with(base, member.name(), wrongType(target)), "wrong JSON type", SERIALIZATION,
                    "(member '" + at + "')"));
            variants(target, at).forEach(v -> out.add(v.inside(with(base, member.name(), v.value()))));
        }
        return out.stream();
    }

    private Stream<Variant> list(Shape shape, String at) {
        ArrayNode base = (ArrayNode) valid.of(shape);
        JsonNode element = base.get(0);
        Shape elementShape = model.shape(shape.element());
        List<Variant> out = new ArrayList<>();
        if (shape.max() != null) {
            out.add(new Variant(copies(element, shape.max().intValueExact() + 1), "list too long", VALIDATION,
                    violation(at, "Member must have length less than or equal to " + shape.max())));
        }
        if (shape.min() != null && shape.min().signum() > 0) {
            out.add(new Variant(copies(element, shape.min().intValueExact() - 1), "list too short", VALIDATION,
                    violation(at, "Member must have length greater than or equal to " + shape.min())));
        }
        String elementAt = elementShape.isScalar() ? at : at + ".1.member";
        out.add(new Variant(replacedFirst(base, wrongType(elementShape)), "list element of the wrong JSON type",
                SERIALIZATION, "(member '" + elementAt + "')"));
        if (elementShape.isScalar()) {
            scalarBreakers(elementShape).forEach(bad -> out.add(new Variant(replacedFirst(base, bad),
                    "bad list element", VALIDATION, violation(at, "Member must satisfy constraint: ["))));
        } else {
            variants(elementShape, elementAt).forEach(v -> out.add(v.inside(replacedFirst(base, v.value()))));
        }
        return out.stream();
    }

    private Stream<Variant> map(Shape shape, String at) {
        Shape keyShape = model.shape(shape.key());
        Shape valueShape = model.shape(shape.value());
        ObjectNode base = (ObjectNode) valid.of(shape);
        String key = base.fieldNames().next();
        JsonNode value = base.get(key);
        List<Variant> out = new ArrayList<>();
        if (shape.max() != null) {
            ObjectNode tooMany = ValidValues.JSON.objectNode();
            for (int i = 0; i <= shape.max().intValueExact(); i++) {
                tooMany.set(valid.key(keyShape, i), value.deepCopy());
            }
            out.add(new Variant(tooMany, "map too large", VALIDATION,
                    violation(at, "Member must have length less than or equal to " + shape.max())));
        }
        if (shape.min() != null && shape.min().signum() > 0) {
            out.add(new Variant(ValidValues.JSON.objectNode(), "map too small", VALIDATION,
                    violation(at, "Member must have length greater than or equal to " + shape.min())));
        }
        scalarBreakers(keyShape).forEach(bad -> out.add(new Variant(with(base, bad.textValue(), value),
                "bad map key", VALIDATION, violation(at, "Map keys must satisfy constraint: ["))));
        String valueAt = valueShape.isScalar() ? at : at + "." + key + ".member";
        out.add(new Variant(with(base, key, wrongType(valueShape)), "map value of the wrong JSON type",
                SERIALIZATION, "(member '" + valueAt + "')"));
        if (valueShape.isScalar()) {
            scalarBreakers(valueShape).forEach(bad -> out.add(new Variant(with(base, key, bad), "bad map value",
                    VALIDATION, violation(at, "Map value must satisfy constraint: ["))));
        } else {
            variants(valueShape, valueAt).forEach(v -> out.add(v.inside(with(base, key, v.value()))));
        }
        return out.stream();
    }

    private static List<Variant> string(Shape shape, String at) {
        List<Variant> out = new ArrayList<>();
        if (shape.max() != null) {
            out.add(new Variant(ValidValues.JSON.textNode("a".repeat(shape.max().intValueExact() + 1)),
                    "string too long", VALIDATION,
                    violation(at, "Member must have length less than or equal to " + shape.max())));
        }
        if (shape.min() != null && shape.min().signum() > 0) {
            out.add(new Variant(ValidValues.JSON.textNode("a".repeat(shape.min().intValueExact() - 1)),
                    "string too short", VALIDATION,
                    violation(at, "Member must have length greater than or equal to " + shape.min())));
        }
        patternBreaker(shape).ifPresent(bad -> out.add(new Variant(ValidValues.JSON.textNode(bad),
                "string against its pattern", VALIDATION,
                violation(at, "Member must satisfy regular expression pattern: " + shape.pattern().pattern()))));
        if (!shape.enumValues().isEmpty()) {
            out.add(new Variant(ValidValues.JSON.textNode("NOT_" + shape.enumValues().get(0)),
                    "string outside its enum", VALIDATION,
                    violation(at, "Member must satisfy enum value set: " + shape.enumValues())));
        }
        return out;
    }

    private static List<Variant> number(Shape shape, String at) {
        List<Variant> out = new ArrayList<>();
        if (shape.max() != null) {
            out.add(new Variant(ValidValues.JSON.numberNode(shape.max().add(BigDecimal.ONE)), "number too large",
                    VALIDATION, violation(at, "Member must have value less than or equal to " + shape.max())));
        }
        if (shape.min() != null) {
            out.add(new Variant(ValidValues.JSON.numberNode(shape.min().subtract(BigDecimal.ONE)),
                    "number too small", VALIDATION,
                    violation(at, "Member must have value greater than or equal to " + shape.min())));
        }
        return out;
    }

    /** Values breaking a scalar shape, one per constraint it has. */
    private static List<JsonNode> scalarBreakers(Shape shape) {
        return (shape.type() == ShapeType.STRING ? string(shape, "") : number(shape, "")).stream()
                .map(Variant::value).toList();
    }

    private static Optional<String> patternBreaker(Shape shape) {
        if (shape.pattern() == null) {
            return Optional.empty();
        }
        int min = ValidValues.intOr(shape.min(), 1);
        return PATTERN_BREAKERS.stream().map(s -> s.repeat(Math.max(1, min)))
                .filter(s -> !shape.pattern().matcher(s).matches()
                        && (shape.max() == null || s.length() <= shape.max().intValue()))
                .findFirst();
    }

    /** A value of another JSON type than the shape's. */
    private static JsonNode wrongType(Shape shape) {
        return switch (shape.type()) {
            case STRING, BLOB -> ValidValues.JSON.numberNode(12345);
            case INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN, TIMESTAMP -> ValidValues.JSON.textNode("twelve");
            case STRUCTURE, MAP -> ValidValues.JSON.arrayNode().add("x");
            case LIST -> ValidValues.JSON.objectNode().put("x", "y");
        };
    }

    static String violation(String at, String constraint) {
        return "at '" + at + "' failed to satisfy constraint: " + constraint;
    }

    private static ObjectNode with(ObjectNode base, String field, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value);
        return copy;
    }

    private static ArrayNode replacedFirst(ArrayNode base, JsonNode value) {
        ArrayNode copy = base.deepCopy();
        copy.set(0, value);
        return copy;
    }

    private static ArrayNode copies(JsonNode element, int n) {
        ArrayNode list = ValidValues.JSON.arrayNode();
        for (int i = 0; i < n; i++) {
            list.add(element.deepCopy());
        }
        return list;
    }
}
