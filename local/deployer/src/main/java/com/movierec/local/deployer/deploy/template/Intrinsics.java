package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation's intrinsic functions in an expression to plain JSON: Ref, Fn::GetAtt, Fn::Join, Fn::Sub
 * (both forms), Fn::Select, Fn::Split, Fn::ImportValue, Fn::FindInMap, Fn::Base64, and the condition functions
 * Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not. {@code AWS::NoValue} removes the property or list element it stands
 * for. Any other {@code Fn::} is an error naming where it is, not a silent pass-through.
 */
public final class Intrinsics {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NO_VALUE = "AWS::NoValue";

    private final ResolutionContext context;

    public Intrinsics(ResolutionContext context) {
        this.context = context;
    }

    /**
     * The value of {@code expression}, with every intrinsic replaced; a {@link MissingNode} if it is
     * {@code AWS::NoValue}. {@code path} says where the expression is, for error messages.
     */
    public JsonNode resolve(JsonNode expression, String path) {
        if (expression.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < expression.size(); i++) {
                JsonNode value = resolve(expression.get(i), path + "[" + i + "]");
                if (!value.isMissingNode()) {
                    out.add(value);
                }
            }
            return out;
        }
        if (!expression.isObject()) {
            return expression;
        }
        if (expression.size() == 1) {
            String key = expression.properties().iterator().next().getKey();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return function(key, expression.get(key), path + "." + key);
            }
        }
        ObjectNode out = NODES.objectNode();
        expression.properties().forEach(e -> {
            JsonNode value = resolve(e.getValue(), path + "." + e.getKey());
            if (!value.isMissingNode()) {
                out.set(e.getKey(), value);
            }
        });
        return out;
    }

    /** Evaluates a condition expression from the Conditions section, where {@code {"Condition": name}} is allowed. */
    public boolean condition(JsonNode expression, String path) {
        if (expression.isObject() && expression.size() == 1 && expression.has("Condition")) {
            return context.condition(expression.get("Condition").asText());
        }
        JsonNode value = resolve(expression, path);
        if (!value.isBoolean()) {
            throw new TemplateException(path + ": a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or "
                    + "{\"Condition\": name}");
        }
        return value.asBoolean();
    }

    private JsonNode function(String name, JsonNode args, String path) {
        return switch (name) {
            case "Ref" -> ref(text(resolve(args, path), path), path);
            case "Fn::GetAtt" -> getAtt(args, path);
            case "Fn::Join" -> join(args, path);
            case "Fn::Sub" -> sub(args, path);
            case "Fn::Select" -> select(args, path);
            case "Fn::Split" -> split(args, path);
            case "Fn::ImportValue" -> context.importValue(text(resolve(args, path), path));
            case "Fn::FindInMap" -> findInMap(args, path);
            case "Fn::Base64" -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    text(resolve(args, path), path).getBytes(StandardCharsets.UTF_8)));
            case "Fn::If" -> ifThenElse(args, path);
            case "Fn::Equals" -> BooleanNode.valueOf(equalsCondition(args, path));
            case "Fn::And" -> BooleanNode.valueOf(all(args, path, true));
            case "Fn::Or" -> BooleanNode.valueOf(!all(args, path, false));
            case "Fn::Not" -> BooleanNode.valueOf(!condition(arguments(args, 1, path).get(0), path + "[0]"));
            default -> throw new TemplateException(path + ": " + name + " is an intrinsic function the local deployer "
                    + "does not implement (it implements Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, "
                    + "Fn::ImportValue, Fn::FindInMap, Fn::Base64, Fn::If and the condition functions)");
        };
    }

    private JsonNode ref(String name, String path) {
        if (name.equals(NO_VALUE)) {
            return MissingNode.getInstance();
        }
        return context.ref(name);
    }

    private JsonNode getAtt(JsonNode args, String path) {
        String logicalId;
        String attribute;
        if (args.isTextual()) {
            String[] parts = args.asText().split("\\.", 2);
            if (parts.length < 2) {
                throw new TemplateException(path + ": '" + args.asText() + "' is not LogicalId.Attribute");
            }
            logicalId = parts[0];
            attribute = parts[1];
        } else {
            ArrayNode list = arguments(args, 2, path);
            logicalId = list.get(0).asText();
            attribute = text(resolve(list.get(1), path + "[1]"), path);
        }
        return context.getAtt(logicalId, attribute);
    }

    private JsonNode join(JsonNode args, String path) {
        ArrayNode list = arguments(args, 2, path);
        String delimiter = text(list.get(0), path + "[0]");
        JsonNode values = resolve(list.get(1), path + "[1]");
        if (!values.isArray()) {
            throw new TemplateException(path + ": the second argument of Fn::Join must be a list");
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                joined.append(delimiter);
            }
            joined.append(text(values.get(i), path + "[1][" + i + "]"));
        }
        return TextNode.valueOf(joined.toString());
    }

    private JsonNode sub(JsonNode args, String path) {
        String text;
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        if (args.isTextual()) {
            text = args.asText();
        } else {
            ArrayNode list = arguments(args, 2, path);
            text = text(list.get(0), path + "[0]");
            if (!list.get(1).isObject()) {
                throw new TemplateException(path + ": the second argument of Fn::Sub must be a map of variables");
            }
            list.get(1).properties().forEach(e ->
                    variables.put(e.getKey(), resolve(e.getValue(), path + "[1]." + e.getKey())));
        }
        StringBuilder out = new StringBuilder();
        for (SubString.Part part : SubString.parse(text)) {
            switch (part) {
                case SubString.Literal literal -> out.append(literal.text());
                case SubString.Variable variable -> out.append(text(subValue(variable, variables, path), path));
            }
        }
        return TextNode.valueOf(out.toString());
    }

    private JsonNode subValue(SubString.Variable variable, Map<String, JsonNode> variables, String path) {
        if (variable.isAttribute()) {
            return context.getAtt(variable.name(), variable.attribute());
        }
        JsonNode given = variables.get(variable.name());
        return given != null ? given : ref(variable.name(), path);
    }

    private JsonNode select(JsonNode args, String path) {
        ArrayNode list = arguments(args, 2, path);
        String indexText = text(resolve(list.get(0), path + "[0]"), path + "[0]");
        JsonNode values = resolve(list.get(1), path + "[1]");
        if (!values.isArray()) {
            throw new TemplateException(path + ": the second argument of Fn::Select must be a list");
        }
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw new TemplateException(path + ": the index of Fn::Select must be a number, not '" + indexText + "'");
        }
        if (index < 0 || index >= values.size()) {
            throw new TemplateException(path + ": Fn::Select index " + index + " is outside the list of "
                    + values.size());
        }
        return values.get(index);
    }

    private JsonNode split(JsonNode args, String path) {
        ArrayNode list = arguments(args, 2, path);
        String delimiter = text(list.get(0), path + "[0]");
        String source = text(resolve(list.get(1), path + "[1]"), path + "[1]");
        ArrayNode out = NODES.arrayNode();
        for (String piece : source.split(Pattern.quote(delimiter), -1)) {
            out.add(piece);
        }
        return out;
    }

    private JsonNode findInMap(JsonNode args, String path) {
        ArrayNode list = arguments(args, 3, path);
        String map = text(resolve(list.get(0), path + "[0]"), path);
        String top = text(resolve(list.get(1), path + "[1]"), path);
        String second = text(resolve(list.get(2), path + "[2]"), path);
        JsonNode value = context.mappings().path(map).path(top).path(second);
        if (value.isMissingNode()) {
            throw new TemplateException(path + ": Mappings has no " + map + "." + top + "." + second);
        }
        return value;
    }

    private JsonNode ifThenElse(JsonNode args, String path) {
        ArrayNode list = arguments(args, 3, path);
        String condition = text(list.get(0), path + "[0]");
        return context.condition(condition) ? resolve(list.get(1), path + "[1]") : resolve(list.get(2), path + "[2]");
    }

    private boolean equalsCondition(JsonNode args, String path) {
        ArrayNode list = arguments(args, 2, path);
        return comparable(resolve(list.get(0), path + "[0]")).equals(comparable(resolve(list.get(1), path + "[1]")));
    }

    /** Fn::And with {@code expected} true: all hold; Fn::Or is "not all fail", so {@code expected} false. */
    private boolean all(JsonNode args, String path, boolean expected) {
        if (!args.isArray() || args.size() < 2 || args.size() > 10) {
            throw new TemplateException(path + ": Fn::And and Fn::Or take 2 to 10 conditions");
        }
        for (int i = 0; i < args.size(); i++) {
            if (condition(args.get(i), path + "[" + i + "]") != expected) {
                return false;
            }
        }
        return true;
    }

    /** CloudFormation compares values as strings: {@code 1} equals {@code "1"}. */
    private static String comparable(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static ArrayNode arguments(JsonNode args, int count, String path) {
        if (!args.isArray() || args.size() != count) {
            throw new TemplateException(path + ": expects a list of " + count + " arguments, got " + args);
        }
        return (ArrayNode) args;
    }

    /** A scalar as text; CloudFormation turns numbers and booleans into strings where a string is needed. */
    static String text(JsonNode value, String path) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw new TemplateException(path + ": expected a string, got "
                + (value.isMissingNode() ? "AWS::NoValue" : value));
    }
}
