package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's JSON against its operation's input shape as AWS's front end does before the service sees it:
 * {@code required}; {@code min}/{@code max} as a string's length in code points, a list's or map's size, a number's
 * value; {@code pattern} (on strings within their maximum length), matched against the whole value as java.util.regex's {@code matches()} does (AWS's
 * validation is Java: DynamoDB's unanchored {@code [a-zA-Z0-9_.-]+} refuses a table name in quotes); {@code enum};
 * and each member's JSON type. Unknown members are ignored, as the service ignores them. Members a REST protocol
 * binds to headers, the query or the URI are not in the body and are skipped (the Personalize models bind none).
 *
 * <p>Violations are reported in the model's member order, depth first, each one as AWS words it. Scalars in lists
 * and map keys and values are reported once for the collection with the element shape's whole constraint set, as
 * AWS does ({@code Member must satisfy constraint: [...]}, {@code Map keys must satisfy constraint: [...]}).
 */
public final class RequestValidator {
    static final String NOT_NULL = "Member must not be null";

    private final ServiceModel model;

    private RequestValidator(ServiceModel model) {
        this.model = model;
    }

    /**
     * @return the violations, empty when the request is valid
     * @throws WireTypeException when a member's JSON type does not fit its shape
     */
    public static List<Violation> validate(ServiceModel model, Shape input, JsonNode request) {
        List<Violation> out = new ArrayList<>();
        new RequestValidator(model).value(request, input, "", false, out);
        return out;
    }

    private void value(JsonNode v, Shape shape, String at, boolean sensitive, List<Violation> out) {
        requireType(v, shape, at);
        switch (shape.type()) {
            case STRUCTURE -> structure(v, shape, at, out);
            case LIST -> list(v, shape, at, sensitive, out);
            case MAP -> map(v, shape, at, sensitive, out);
            default -> violated(v, shape).forEach(c -> out.add(new Violation(at, v, sensitive, c)));
        }
    }

    private void structure(JsonNode node, Shape shape, String path, List<Violation> out) {
        for (Shape.Member member : shape.members().values()) {
            if (member.location() != null && !"body".equals(member.location())) {
                continue;
            }
            String at = path.isEmpty() ? member.name() : path + "." + member.name();
            Shape target = model.shape(member.target());
            boolean sensitive = member.sensitive() || target.sensitive();
            JsonNode v = present(node.get(member.name()));
            if (v == null) {
                if (shape.required().contains(member.name())) {
                    out.add(new Violation(at, null, sensitive, NOT_NULL));
                }
            } else {
                value(v, target, at, sensitive, out);
            }
        }
    }

    private void list(JsonNode list, Shape shape, String at, boolean sensitive, List<Violation> out) {
        size(list.size(), shape).forEach(c -> out.add(new Violation(at, list, sensitive, c)));
        Shape element = model.shape(shape.element());
        if (element.isScalar()) {
            boolean broken = false;
            boolean nulls = false;
            for (JsonNode e : list) {
                if (present(e) == null) {
                    nulls = true;
                } else {
                    requireType(e, element, at);
                    broken |= !violated(e, element).isEmpty();
                }
            }
            if (broken || nulls) {
                out.add(new Violation(at, list, sensitive || element.sensitive(),
                        "Member must satisfy constraint: " + constraintSet(element, nulls)));
            }
            return;
        }
        int i = 1;
        for (JsonNode e : list) {
            String elementAt = at + "." + i++ + ".member";
            if (present(e) == null) {
                out.add(new Violation(elementAt, null, element.sensitive(), NOT_NULL));
            } else {
                value(e, element, elementAt, element.sensitive(), out);
            }
        }
    }

    private void map(JsonNode map, Shape shape, String at, boolean sensitive, List<Violation> out) {
        size(map.size(), shape).forEach(c -> out.add(new Violation(at, map, sensitive, c)));
        Shape key = model.shape(shape.key());
        Shape value = model.shape(shape.value());
        boolean brokenKeys = false;
        boolean brokenValues = false;
        boolean nullValues = false;
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            brokenKeys |= !violated(JsonNodes.text(entry.getKey()), key).isEmpty();
            JsonNode v = present(entry.getValue());
            String valueAt = at + "." + entry.getKey() + ".member";
            if (v == null) {
                nullValues = true;
                if (!value.isScalar()) {
                    out.add(new Violation(valueAt, null, value.sensitive(), NOT_NULL));
                }
            } else if (value.isScalar()) {
                requireType(v, value, at);
                brokenValues |= !violated(v, value).isEmpty();
            } else {
                value(v, value, valueAt, value.sensitive(), out);
            }
        }
        boolean anySensitive = sensitive || key.sensitive() || value.sensitive();
        if (brokenKeys) {
            out.add(new Violation(at, map, anySensitive, "Map keys must satisfy constraint: "
                    + constraintSet(key, false)));
        }
        if (value.isScalar() && (brokenValues || nullValues)) {
            out.add(new Violation(at, map, anySensitive, "Map value must satisfy constraint: "
                    + constraintSet(value, nullValues)));
        }
    }

    /** The constraints a scalar breaks, each worded as AWS words it. */
    private static List<String> violated(JsonNode v, Shape shape) {
        List<String> broken = new ArrayList<>();
        if (shape.type() == ShapeType.STRING) {
            String s = v.textValue();
            int length = s.codePointCount(0, s.length());
            boolean tooLong = shape.max() != null && BigDecimal.valueOf(length).compareTo(shape.max()) > 0;
            if (tooLong) {
                broken.add(maxLength(shape));
            }
            if (shape.min() != null && BigDecimal.valueOf(length).compareTo(shape.min()) < 0) {
                broken.add(minLength(shape));
            }
            // Not on a value already too long: some patterns backtrack for minutes on a long value that almost
            // matches (EventAttributionSource's takes 2.4 s at its maximum of 1,024, 160 s at 4,096).
            if (shape.pattern() != null && !tooLong && !shape.pattern().matcher(s).matches()) {
                broken.add(pattern(shape));
            }
            if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(s)) {
                broken.add(enumSet(shape));
            }
        } else if (v.isNumber() && isNumeric(shape.type())) {
            BigDecimal n = v.decimalValue();
            if (shape.max() != null && n.compareTo(shape.max()) > 0) {
                broken.add(maxValue(shape));
            }
            if (shape.min() != null && n.compareTo(shape.min()) < 0) {
                broken.add(minValue(shape));
            }
        }
        return broken;
    }

    /** Every constraint of a scalar shape, in AWS's order; with {@code nulls}, also that elements be present. */
    private static List<String> constraintSet(Shape shape, boolean nulls) {
        List<String> all = new ArrayList<>();
        boolean string = shape.type() == ShapeType.STRING;
        if (shape.max() != null) {
            all.add(string ? maxLength(shape) : maxValue(shape));
        }
        if (shape.min() != null) {
            all.add(string ? minLength(shape) : minValue(shape));
        }
        if (shape.pattern() != null) {
            all.add(pattern(shape));
        }
        if (!shape.enumValues().isEmpty()) {
            all.add(enumSet(shape));
        }
        if (nulls) {
            all.add(NOT_NULL);
        }
        return all;
    }

    /** A list's or map's size; AWS words it as a length. */
    private static List<String> size(int size, Shape shape) {
        List<String> broken = new ArrayList<>();
        if (shape.max() != null && BigDecimal.valueOf(size).compareTo(shape.max()) > 0) {
            broken.add(maxLength(shape));
        }
        if (shape.min() != null && BigDecimal.valueOf(size).compareTo(shape.min()) < 0) {
            broken.add(minLength(shape));
        }
        return broken;
    }

    private static String maxLength(Shape shape) {
        return "Member must have length less than or equal to " + shape.max().toPlainString();
    }

    private static String minLength(Shape shape) {
        return "Member must have length greater than or equal to " + shape.min().toPlainString();
    }

    private static String maxValue(Shape shape) {
        return "Member must have value less than or equal to " + shape.max().toPlainString();
    }

    private static String minValue(Shape shape) {
        return "Member must have value greater than or equal to " + shape.min().toPlainString();
    }

    private static String pattern(Shape shape) {
        return "Member must satisfy regular expression pattern: " + shape.pattern().pattern();
    }

    private static String enumSet(Shape shape) {
        return "Member must satisfy enum value set: " + shape.enumValues();
    }

    private static boolean isNumeric(ShapeType type) {
        return switch (type) {
            case INTEGER, LONG, FLOAT, DOUBLE -> true;
            default -> false;
        };
    }

    /** A JSON null is an absent member, as the AWS JSON protocols read it. */
    private static JsonNode present(JsonNode v) {
        return v == null || v.isNull() ? null : v;
    }

    private static void requireType(JsonNode v, Shape shape, String at) {
        boolean fits = switch (shape.type()) {
            case STRUCTURE, MAP -> v.isObject();
            case LIST -> v.isArray();
            case STRING, BLOB -> v.isTextual();
            case BOOLEAN -> v.isBoolean();
            case INTEGER -> v.isIntegralNumber() && v.canConvertToInt();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong();
            // The JSON protocols write NaN and the infinities of floats as strings.
            case FLOAT, DOUBLE -> v.isNumber() || (v.isTextual() && JsonNodes.NON_FINITE.contains(v.textValue()));
            case TIMESTAMP -> v.isNumber(); // epoch seconds, the JSON protocols' timestamp format
        };
        if (!fits) {
            throw new WireTypeException(JsonNodes.mismatch(v, shape.type(), at));
        }
    }
}
