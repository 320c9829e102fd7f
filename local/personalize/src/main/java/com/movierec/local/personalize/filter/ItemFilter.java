package com.movierec.local.personalize.filter;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A parsed filter (CreateFilter's filterExpression), immutable and shareable, such as
 * {@code INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Watch")}.
 * See {@link FilterParser} for the grammar and {@link ConditionMatcher} for what each condition matches.
 *
 * <p>Expressions joined by '|' combine as Personalize documents: the allowed items are those matching any INCLUDE
 * expression (every item when there is none), minus those matching any EXCLUDE expression.
 */
public final class ItemFilter {
    private final String expression;
    private final List<Expression> expressions;

    private ItemFilter(String expression, List<Expression> expressions) {
        this.expression = expression;
        this.expressions = expressions;
    }

    /** @throws FilterSyntaxException naming the position and what was expected there */
    public static ItemFilter parse(String expression) {
        return new ItemFilter(expression, List.copyOf(FilterParser.parse(expression)));
    }

    public String expression() {
        return expression;
    }

    /** The $PARAMETER names (without '$') in order of appearance. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        expressions.forEach(e -> e.condition().parameters().forEach(names::add));
        return names;
    }

    /**
     * The items this filter lets through for one request: bind it once per request and test every candidate.
     *
     * @param catalog      the Items dataset the Items conditions read
     * @param user         the requesting user's events now (empty for an anonymous related-items request)
     * @param filterValues the request's filterValues: parameter name (case as in the expression, no '$') to its
     *                     values, e.g. {@code "\"Comedy\",\"Drama\""}. An EXCLUDE expression missing a value is
     *                     skipped, as Personalize does.
     * @throws FilterValuesException when an INCLUDE expression lacks a value or a value is malformed
     */
    public Predicate<String> candidates(ItemCatalog catalog, UserEvents user, Map<String, String> filterValues) {
        List<Predicate<String>> includes = new ArrayList<>();
        List<Predicate<String>> excludes = new ArrayList<>();
        for (Expression e : expressions) {
            Map<String, List<String>> values = new HashMap<>();
            List<String> missing = new ArrayList<>();
            e.condition().parameters().distinct().forEach(name -> {
                String raw = filterValues.get(name);
                if (raw == null) {
                    missing.add("$" + name);
                } else {
                    values.put(name, FilterValues.parse(name, raw));
                }
            });
            if (!missing.isEmpty()) {
                if (e.include()) {
                    throw new FilterValuesException("filterValues has no value for " + String.join(", ", missing)
                            + ", which an INCLUDE expression of this filter needs");
                }
                continue;
            }
            ConditionMatcher matcher = new ConditionMatcher(values);
            Predicate<String> matches = e.dataset() == Expression.Dataset.ITEMS
                    ? matcher.items(e.condition(), catalog)
                    : matcher.interactions(e.condition(), user);
            (e.include() ? includes : excludes).add(matches);
        }
        return item -> (includes.isEmpty() || includes.stream().anyMatch(p -> p.test(item)))
                && excludes.stream().noneMatch(p -> p.test(item));
    }

    @Override
    public String toString() {
        return expression;
    }
}
