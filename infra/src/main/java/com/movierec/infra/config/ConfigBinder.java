package com.movierec.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.movierec.infra.SynthException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds cdk.json's {@code movierec} context into the config records, reporting every mistake of a synth at once.
 * Jackson's own binding stops at the first error, so here each record is bound parameter by parameter, as
 * {@link ConfigCreator} reads it from Jackson's annotations, and Jackson converts each value, strictly: a string is
 * never taken for a number, nor a number for a string. Each mistake becomes one sentence that names the key, the value
 * as cdk.json wrote it and the fix:
 * <ul>
 *   <li>a key the record does not take: the keys it takes;</li>
 *   <li>a value of the wrong JSON type: the parameter's {@link Fix}; the value then counts as absent, so that the
 *       record still checks the others;</li>
 *   <li>a value the record's compact constructor refuses: its {@link InvalidConfigException}'s sentences;</li>
 *   <li>a list element or map value of the wrong type reaches the constructor as null, for it to word.</li>
 * </ul>
 * An absent key takes its {@code @JsonProperty(defaultValue)}, else an empty Optional, list or map, or for a nested
 * record the record bound from {@code {}}. JSON null means the same, except where {@link Fix#ifNull()} refuses it, for
 * an Optional (empty, while absent takes the default) and for a map's values (passed as null, unless
 * {@code @JsonSetter(contentNulls = SKIP)} leaves them out).
 */
final class ConfigBinder {
    /** The {@code @JacksonInject} id of the key of the map entry being bound, such as an environment's name. */
    static final String KEY = "key";

    /** Converts one value, strictly: a number or a boolean is no string, and a string is no number. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual, textual -> textual
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    /** Reads {@code defaultValue}, which is text whatever the type. */
    private static final ObjectMapper DEFAULTS = new ObjectMapper();

    /**
     * What a record's creator threw other than its refusal: a consequence of a mistake when one was found anywhere
     * (such as a pipeline whose stages default to environments that were all wrong), else a bug.
     */
    private RuntimeException unexplained;

    private ConfigBinder() {
    }

    /**
     * {@code tree} bound as {@code type}, or a {@link SynthException} with one sentence per mistake.
     *
     * @param path        the path of {@code tree} in cdk.json's context, e.g. {@code movierec}
     * @param injectables the values of {@code @JacksonInject} ids other than {@link #KEY}
     */
    static <T extends Record> T bind(ObjectNode tree, Class<T> type, String path, Map<String, Object> injectables) {
        ConfigBinder binder = new ConfigBinder();
        Bound bound = (Bound) binder.record(tree, type, path, injectables);
        if (!bound.problems().isEmpty()) {
            throw new SynthException(bound.problems());
        }
        if (binder.unexplained != null) {
            throw binder.unexplained;
        }
        return type.cast(bound.value());
    }

    /** What binding one JSON value gave. */
    private sealed interface Outcome permits Bound, WrongType {
    }

    /**
     * @param value    the value; null when it cannot be used (the parameter then takes its default)
     * @param problems the sentences of every mistake in it; a record with any is not used even when built
     */
    private record Bound(Object value, List<String> problems) implements Outcome {
        static Bound of(Object value) {
            return new Bound(value, List.of());
        }
    }

    /** The value's JSON type is not the one expected: whoever holds it words the mistake. */
    private record WrongType() implements Outcome {
    }

    /** A sentence and where it goes among its object's: -1 before every parameter's, else the parameter's position. */
    private record Ranked(int rank, String sentence) {
    }

    private Outcome value(JsonNode node, Type type, String path, boolean skipNullContent, Map<String, Object> scope) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            return record(node, raw, path, scope);
        }
        if (raw == Optional.class) {
            Outcome outcome = value(node, argument(type, 0), path, false, scope);
            return outcome instanceof Bound bound && bound.value() != null
                    ? new Bound(Optional.of(bound.value()), bound.problems()) : outcome;
        }
        if (raw == List.class) {
            return list(node, argument(type, 0), path, scope);
        }
        if (raw == Map.class) {
            return map(node, argument(type, 0), argument(type, 1), path, skipNullContent, scope);
        }
        return scalar(node, type, path);
    }

    private Outcome record(JsonNode node, Class<?> type, String path, Map<String, Object> scope) {
        ConfigCreator creator = ConfigCreator.of(type);
        if (!creator.delegating() && !node.isObject()) {
            return new WrongType();
        }
        List<Ranked> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        List<String> keys = creator.jsonParams().stream().map(ConfigCreator.Param::name).toList();
        if (!creator.delegating()) {
            new TreeSet<>(fields(node)).stream().filter(key -> !keys.contains(key))
                    .forEach(key -> problems.add(new Ranked(-1, unknownKey(path, key, node.get(key), keys))));
        }
        Object[] args = new Object[creator.params().size()];
        for (int i = 0; i < args.length; i++) {
            ConfigCreator.Param param = creator.params().get(i);
            if (param.injected()) {
                args[i] = injected(scope, param.inject());
                continue;
            }
            Bound bound = creator.delegating() ? delegate(node, param, path, scope) : param(node, param, path, scope);
            if (bound == null) {
                return new WrongType();
            }
            args[i] = bound.value();
            int rank = i;
            bound.problems().forEach(sentence -> problems.add(new Ranked(rank, sentence)));
            if (!bound.problems().isEmpty()) {
                reported.add(param.name());
            }
        }
        Object value = create(creator, args, node, path, problems, reported);
        problems.sort(Comparator.comparingInt(Ranked::rank));
        return new Bound(value, problems.stream().map(Ranked::sentence).toList());
    }

    /** The record built from {@code args}, or null with what its creator refused added to {@code problems}. */
    private Object create(ConfigCreator creator, Object[] args, JsonNode node, String path, List<Ranked> problems,
                          Set<String> reported) {
        try {
            return creator.create(args);
        } catch (InvalidConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                List<Object> at = problem.path();
                // A complaint about the whole object, or about a whole value, whose own mistakes were reported (an
                // empty map left by entries that failed, a gate whose minimums were no object) is a consequence.
                if (at.isEmpty() ? !reported.isEmpty() : at.size() == 1 && reported.contains(at.get(0))) {
                    continue;
                }
                // The parameter holding the object's own key (an environment's name) is the object's path.
                if (!at.isEmpty() && creator.keyParam().filter(at.get(0)::equals).isPresent()) {
                    problem = new ConfigProblem(at.subList(1, at.size()), problem.showsValue(), problem.value(),
                            problem.text());
                }
                JsonNode written = find(node, problem.path());
                String shown = ConfigProblem.show(written != null ? written : problem.value());
                problems.add(new Ranked(rank(creator, at), problem.render(path, shown)));
            }
        } catch (RuntimeException e) {
            if (unexplained == null) {
                unexplained = e;
            }
        }
        return null;
    }

    /**
     * Where a constructor's problem goes: a map's after the mistakes found in its entries, else with its parameter's
     * (the object's own first).
     */
    private static int rank(ConfigCreator creator, List<Object> at) {
        return creator.delegating() ? Integer.MAX_VALUE : at.isEmpty() ? -1 : creator.rank(at.get(0));
    }

    /** The whole JSON value as a delegating creator's one parameter; null when its JSON type is wrong. */
    private Bound delegate(JsonNode node, ConfigCreator.Param param, String path, Map<String, Object> scope) {
        return value(node, param.type(), path, param.skipNullContent(), scope) instanceof Bound bound ? bound : null;
    }

    /** The value of the key {@code param} names, its default, or the default with the sentence saying why. */
    private Bound param(JsonNode object, ConfigCreator.Param param, String objectPath, Map<String, Object> scope) {
        String path = objectPath + "." + param.name();
        JsonNode node = object.get(param.name());
        if (node == null || node.isNull()) {
            if (param.required()) {
                return new Bound(null, List.of(path + " is missing: " + param.fixText() + "."));
            }
            if (node != null && param.fix().filter(fix -> !fix.ifNull().isEmpty()).isPresent()) {
                return new Bound(null, List.of(path + " is null: " + param.fix().get().ifNull() + "."));
            }
            if (node != null && raw(param.type()) == Optional.class) {
                return Bound.of(Optional.empty());
            }
            return Bound.of(defaultValue(param, path, scope));
        }
        return switch (value(node, param.type(), path, param.skipNullContent(), scope)) {
            case WrongType wrong -> new Bound(defaultValue(param, path, scope),
                    List.of(path + " is " + ConfigProblem.show(node) + ": " + param.fixText() + "."));
            case Bound bound when bound.value() == null ->
                    new Bound(defaultValue(param, path, scope), bound.problems());
            case Bound bound -> bound;
        };
    }

    private Object defaultValue(ConfigCreator.Param param, String path, Map<String, Object> scope) {
        Class<?> raw = raw(param.type());
        String text = param.defaultValue();
        if (raw == Optional.class) {
            return text.isEmpty() ? Optional.empty()
                    : Optional.of(DEFAULTS.convertValue(text, JSON.constructType(argument(param.type(), 0))));
        }
        if (raw.isRecord()) {
            Bound bound = (Bound) record(JSON.createObjectNode(), raw, path, scope);
            if (!bound.problems().isEmpty()) {
                throw new IllegalStateException(raw.getSimpleName() + "'s defaults are invalid: " + bound.problems());
            }
            return bound.value();
        }
        if (raw == List.class) {
            return List.of();
        }
        if (raw == Map.class) {
            return Map.of();
        }
        if (!text.isEmpty()) {
            return DEFAULTS.convertValue(text, JSON.constructType(param.type()));
        }
        if (raw.isPrimitive()) {
            throw new IllegalStateException(param.name() + " needs a @JsonProperty(defaultValue)");
        }
        return null;
    }

    /** The elements in order; one of the wrong type, or null, is null. */
    private Outcome list(JsonNode node, Type element, String path, Map<String, Object> scope) {
        if (!node.isArray()) {
            return new WrongType();
        }
        List<Object> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Outcome outcome = node.get(i).isNull() ? new WrongType()
                    : value(node.get(i), element, path + "[" + i + "]", false, scope);
            values.add(outcome instanceof Bound bound ? bound.value() : null);
            if (outcome instanceof Bound bound) {
                problems.addAll(bound.problems());
            }
        }
        return new Bound(Collections.unmodifiableList(values), problems);
    }

    /**
     * The entries: a value of the wrong type (or null, unless skipped) is null, and one with mistakes of its own is
     * left out. Keys that are enum constants come in the enum's order, after any key that is none of them.
     */
    private Outcome map(JsonNode node, Type keyType, Type valueType, String path, boolean skipNullContent,
                        Map<String, Object> scope) {
        if (!node.isObject()) {
            return new WrongType();
        }
        Map<Object, Object> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Object> keys = new LinkedHashMap<>();
        for (String field : fields(node)) {
            keys.put(field, scalar(JSON.getNodeFactory().textNode(field), keyType, path) instanceof Bound bound
                    ? bound.value() : null);
        }
        List<String> fields = new ArrayList<>(keys.keySet());
        if (raw(keyType).isEnum()) {
            fields.sort(Comparator.comparing((String field) -> keys.get(field) != null)
                    .thenComparing(field -> keys.get(field) == null ? -1 : ((Enum<?>) keys.get(field)).ordinal())
                    .thenComparing(Comparator.naturalOrder()));
        }
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value.isNull() && skipNullContent) {
                continue;
            }
            if (keys.get(field) == null) {
                problems.add(unknownKey(path, field, value, allowedKeys(keyType)));
                continue;
            }
            Map<String, Object> entry = new HashMap<>(scope);
            entry.put(KEY, field);
            Outcome outcome = value.isNull() ? new WrongType()
                    : value(value, valueType, path + "." + field, false, entry);
            if (outcome instanceof Bound bound) {
                problems.addAll(bound.problems());
                if (bound.value() != null) {
                    values.put(keys.get(field), bound.value());
                }
            } else {
                values.put(keys.get(field), null);
            }
        }
        return new Bound(Collections.unmodifiableMap(values), problems);
    }

    /** One value converted by Jackson, or the sentences of a conversion that refused it (a retired recipe). */
    private Outcome scalar(JsonNode node, Type type, String path) {
        try {
            return Bound.of(JSON.treeToValue(wholeNumber(node, type), JSON.constructType(type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigException refused) {
                    return new Bound(null, refused.problems().stream()
                            .map(problem -> problem.render(path, ConfigProblem.show(node))).toList());
                }
            }
            return new WrongType();
        }
    }

    /** 12.0 is a whole number too, as JSON Schema's "integer" says; Jackson would refuse it for an int. */
    private static JsonNode wholeNumber(JsonNode node, Type type) {
        Class<?> raw = raw(type);
        boolean integral = raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class;
        return integral && node.isFloatingPointNumber() && node.canConvertToExactIntegral()
                ? JSON.getNodeFactory().numberNode(node.decimalValue().toBigIntegerExact()) : node;
    }

    private static String unknownKey(String path, String key, JsonNode value, List<String> known) {
        if (RetiredFeatures.isAutoMlKey(key)) {
            return path + "." + key + " is " + ConfigProblem.show(value) + ": " + RetiredFeatures.AUTO_ML_FIX + ".";
        }
        return path + "." + key + " is not a known key: use one of " + String.join(", ", new TreeSet<>(known))
                + " (see infra/README.md).";
    }

    /** The keys a map with enum keys takes: the constants as cdk.json spells them. */
    private static List<String> allowedKeys(Type keyType) {
        Object[] constants = raw(keyType).getEnumConstants();
        if (constants == null) {
            throw new IllegalStateException(keyType + " keys cannot be unknown");
        }
        List<String> keys = new ArrayList<>();
        for (Object constant : constants) {
            keys.add(JSON.valueToTree(constant).asText());
        }
        return keys;
    }

    private static Object injected(Map<String, Object> scope, String id) {
        if (!scope.containsKey(id)) {
            throw new IllegalStateException("nothing to inject as " + id);
        }
        return scope.get(id);
    }

    /** The value cdk.json wrote at {@code path} below {@code node}; null when it wrote none. */
    private static JsonNode find(JsonNode node, List<Object> path) {
        JsonNode found = node;
        for (Object segment : path) {
            found = found == null ? null
                    : segment instanceof Integer index ? found.get(index) : found.get((String) segment);
        }
        return found;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static List<String> fields(JsonNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
