package com.movierec.local.personalize.filter;

import java.util.List;
import java.util.stream.Stream;

/**
 * One parsed expression of a filter: {@code INCLUDE|EXCLUDE ItemID WHERE condition}, where every condition tests
 * one dataset (Personalize does not mix Items and Interactions in one expression).
 */
record Expression(boolean include, Dataset dataset, Condition condition) {

    enum Dataset { ITEMS, INTERACTIONS }

    /** A dataset field; {@code numeric} for int/long/float/double schema types, {@code categorical} for '|' lists. */
    record Field(Dataset dataset, String name, boolean numeric, boolean categorical) {
    }

    /** A value in the expression: a literal, or a $PARAMETER given at request time. */
    sealed interface Operand {
    }

    record Literal(String value) implements Operand {
    }

    record Parameter(String name) implements Operand {
    }

    sealed interface Condition {
        /** The parameters this condition uses, in order of appearance. */
        Stream<String> parameters();
    }

    /** {@code field IN (...)} or, {@code negated}, {@code field NOT IN (...)}. */
    record Membership(Field field, boolean negated, List<Operand> operands) implements Condition {
        @Override
        public Stream<String> parameters() {
            return operands.stream().filter(o -> o instanceof Parameter).map(o -> ((Parameter) o).name());
        }
    }

    /** {@code field op value} for a numeric field; op is one of = < <= > >=. */
    record Comparison(Field field, String operator, Operand operand) implements Condition {
        @Override
        public Stream<String> parameters() {
            return operand instanceof Parameter p ? Stream.of(p.name()) : Stream.empty();
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {
        @Override
        public Stream<String> parameters() {
            return conditions.stream().flatMap(Condition::parameters);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {
        @Override
        public Stream<String> parameters() {
            return conditions.stream().flatMap(Condition::parameters);
        }
    }
}
