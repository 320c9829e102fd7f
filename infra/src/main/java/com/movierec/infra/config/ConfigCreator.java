package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a config record is built from cdk.json, read from the annotations Jackson reads: its creator (the canonical
 * constructor, unless a constructor or static method is marked {@link JsonCreator}) and the creator's parameters.
 *
 * @param executable the creator
 * @param delegating whether the whole JSON value is the one non-injected parameter ({@code Mode.DELEGATING}), as for
 *                   a record that is a map
 * @param params     the creator's parameters, in order
 */
record ConfigCreator(Executable executable, boolean delegating, List<Param> params) {
    private static final ClassValue<ConfigCreator> CREATORS = new ClassValue<>() {
        @Override
        protected ConfigCreator computeValue(Class<?> type) {
            return find(type);
        }
    };

    /**
     * One parameter of a creator.
     *
     * @param name            the cdk.json key: {@link JsonProperty#value()}, else the record component's name
     * @param type            its Java type
     * @param fix             how to correct a wrong value, when it comes from JSON
     * @param defaultValue    {@link JsonProperty#defaultValue()}: the value, as text, when the key is absent
     * @param required        {@link JsonProperty#required()}: absent or null is a mistake
     * @param skipNullContent {@code @JsonSetter(contentNulls = SKIP)}: a map's JSON null values are left out
     * @param inject          the {@link JacksonInject} id when the binder supplies the value; else null
     */
    record Param(String name, Type type, Optional<Fix> fix, String defaultValue, boolean required,
                 boolean skipNullContent, String inject) {

        boolean injected() {
            return inject != null;
        }

        String fixText() {
            return fix.map(Fix::value).orElseThrow(() -> new IllegalStateException(name + " has no @Fix"));
        }
    }

    static ConfigCreator of(Class<?> type) {
        return CREATORS.get(type);
    }

    /** The parameters cdk.json sets. */
    List<Param> jsonParams() {
        return params.stream().filter(p -> !p.injected()).toList();
    }

    /** The name of the parameter that takes the key of the map entry being bound, if any. */
    Optional<String> keyParam() {
        return params.stream().filter(p -> ConfigBinder.KEY.equals(p.inject())).map(Param::name).findFirst();
    }

    /** The position of the parameter cdk.json calls {@code name}; -1 for none. */
    int rank(Object name) {
        for (int i = 0; i < params.size(); i++) {
            if (!params.get(i).injected() && params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The fix of the parameter cdk.json calls {@code key}. */
    String fix(String key) {
        int rank = rank(key);
        if (rank < 0) {
            throw new IllegalArgumentException(executable.getDeclaringClass().getSimpleName() + " has no key " + key);
        }
        return params.get(rank).fixText();
    }

    /** Calls the creator; what it throws is thrown as it is. */
    Object create(Object[] args) {
        try {
            return executable instanceof Constructor<?> constructor
                    ? constructor.newInstance(args) : ((Method) executable).invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + executable, e);
        }
    }

    private static ConfigCreator find(Class<?> type) {
        Executable executable = Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                        Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isStatic(m.getModifiers())))
                .filter(e -> e.isAnnotationPresent(JsonCreator.class))
                .findFirst()
                .orElseGet(() -> canonical(type));
        executable.setAccessible(true);
        JsonCreator creator = executable.getAnnotation(JsonCreator.class);
        boolean delegating = creator != null && creator.mode() == JsonCreator.Mode.DELEGATING;
        List<Param> params = Arrays.stream(executable.getParameters()).map(ConfigCreator::param).toList();
        if (delegating && params.stream().filter(p -> !p.injected()).count() != 1) {
            throw new IllegalStateException(executable + " delegates to other than one parameter");
        }
        if (!delegating && Arrays.stream(executable.getParameters()).anyMatch(p -> !p.isNamePresent()
                && !p.isAnnotationPresent(JacksonInject.class) && !p.isAnnotationPresent(JsonProperty.class))) {
            throw new IllegalStateException(executable + " needs a @JsonProperty name on every parameter");
        }
        return new ConfigCreator(executable, delegating, params);
    }

    private static Constructor<?> canonical(Class<?> type) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException | NullPointerException e) {
            throw new IllegalStateException(type + " is not a record and has no @JsonCreator", e);
        }
    }

    private static Param param(Parameter parameter) {
        JacksonInject inject = parameter.getAnnotation(JacksonInject.class);
        JsonProperty property = parameter.getAnnotation(JsonProperty.class);
        JsonSetter setter = parameter.getAnnotation(JsonSetter.class);
        String name = property != null && !property.value().isEmpty() ? property.value() : parameter.getName();
        return new Param(name, parameter.getParameterizedType(),
                Optional.ofNullable(parameter.getAnnotation(Fix.class)),
                property == null ? "" : property.defaultValue(), property != null && property.required(),
                setter != null && setter.contentNulls() == Nulls.SKIP, inject == null ? null : inject.value());
    }
}
