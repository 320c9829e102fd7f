package com.movierec.local.personalize.filter;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.filter.Expression.AllOf;
import com.movierec.local.personalize.filter.Expression.AnyOf;
import com.movierec.local.personalize.filter.Expression.Comparison;
import com.movierec.local.personalize.filter.Expression.Condition;
import com.movierec.local.personalize.filter.Expression.Literal;
import com.movierec.local.personalize.filter.Expression.Membership;
import com.movierec.local.personalize.filter.Expression.Operand;
import com.movierec.local.personalize.filter.Expression.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns one expression's condition, with its parameter values, into a test on item ids.
 *
 * <p>Items conditions read the item's row: a categorical field matches IN when any of the item's '|' values equals
 * any listed value, exactly (Personalize ignores case only for event types); NOT IN is the negation, so an item
 * without a value matches NOT IN but never IN; comparisons need a numeric value. Interactions conditions look at
 * the user's events: an item matches when one of the user's events on it satisfies the condition, its event type
 * compared ignoring case, "*" matching any type. The whole history counts (Personalize caps it at the newest 100
 * events per type).
 */
final class ConditionMatcher {
    private final Map<String, List<String>> parameterValues;

    ConditionMatcher(Map<String, List<String>> parameterValues) {
        this.parameterValues = parameterValues;
    }

    Predicate<String> items(Condition condition, ItemCatalog catalog) {
        return switch (condition) {
            case AllOf all -> all.conditions().stream().map(c -> items(c, catalog)).reduce(x -> true, Predicate::and);
            case AnyOf any -> any.conditions().stream().map(c -> items(c, catalog)).reduce(x -> false, Predicate::or);
            case Membership m -> {
                List<String> listed = values(m.operands());
                Predicate<String> listedValue = m.field().numeric() ? numericIn(listed) : new HashSet<>(listed)::contains;
                String field = m.field().name();
                Predicate<String> in = item -> catalog.values(item, field).stream().anyMatch(listedValue);
                yield m.negated() ? in.negate() : in;
            }
            case Comparison c -> {
                List<String> bound = values(List.of(c.operand()));
                if (bound.size() != 1) {
                    throw new FilterValuesException(c.field().name() + " " + c.operator() + " needs exactly one value,"
                            + " not " + bound);
                }
                double limit = number(bound.get(0));
                String field = c.field().name();
                yield item -> catalog.value(item, field).map(v -> compare(Double.parseDouble(v), c.operator(), limit))
                        .orElse(false);
            }
        };
    }

    Predicate<String> interactions(Condition condition, UserEvents user) {
        Set<String> matching = new HashSet<>();
        for (UserEvents.Event e : user.events()) {
            if (matchesEvent(condition, e.eventType())) {
                matching.add(e.itemId());
            }
        }
        return matching::contains;
    }

    private boolean matchesEvent(Condition condition, String eventType) {
        return switch (condition) {
            case AllOf all -> all.conditions().stream().allMatch(c -> matchesEvent(c, eventType));
            case AnyOf any -> any.conditions().stream().anyMatch(c -> matchesEvent(c, eventType));
            case Membership m -> m.negated() != values(m.operands()).stream()
                    .anyMatch(t -> t.equals(UserEvents.ANY_EVENT_TYPE) || t.equalsIgnoreCase(eventType));
            case Comparison c -> throw new IllegalStateException("the parser admits no comparison on " + c.field());
        };
    }

    private List<String> values(List<Operand> operands) {
        List<String> out = new ArrayList<>();
        for (Operand o : operands) {
            switch (o) {
                case Literal l -> out.add(l.value());
                case Parameter p -> out.addAll(parameterValues.get(p.name()));
            }
        }
        return out;
    }

    private static Predicate<String> numericIn(List<String> listed) {
        Set<Double> numbers = new HashSet<>();
        listed.forEach(v -> numbers.add(number(v)));
        return v -> numbers.contains(Double.parseDouble(v));
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new FilterValuesException("'" + value + "' is not a number");
        }
    }

    private static boolean compare(double value, String operator, double limit) {
        return switch (operator) {
            case "=" -> value == limit;
            case "<" -> value < limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case ">=" -> value >= limit;
            default -> throw new IllegalStateException("unknown operator " + operator);
        };
    }
}
