package com.movierec.local.personalize.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.Fixtures;
import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.data.UserHistory;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What filters let through. The catalogue: m1 Horror|Sci-Fi (1979), m2 Action|Sci-Fi (1986), r1 Drama|Romance (no
 * date), r2 Comedy|Romance (1999), pop Animation|Children's|Comedy (1995), and "ghost", an item without a row.
 * The user watched m1 and clicked r1.
 */
class FilterSemanticsTest {
    private static final List<String> ITEMS = List.of("m1", "m2", "r1", "r2", "pop", "ghost");
    private static final String EXCLUDE_WATCHED = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")";

    private final ItemCatalog catalog = Fixtures.pairsCatalog();
    private final UserHistory history = UserHistory.empty();

    FilterSemanticsTest() {
        history.record("me", "m1", "Watch", 1);
        history.record("me", "r1", "Click", 2);
    }

    private List<String> allowed(String expression, Map<String, String> values) {
        Predicate<String> p = ItemFilter.parse(expression).candidates(catalog, history.events("me"), values);
        return ITEMS.stream().filter(p).toList();
    }

    @Test
    void excludesWhatTheUserWatched() {
        assertThat(allowed(EXCLUDE_WATCHED, Map.of())).containsExactly("m2", "r1", "r2", "pop", "ghost");
    }

    @Test
    void matchesEventTypesIgnoringCaseAndStarAsAnyType() {
        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"WATCH\")", Map.of()))
                .doesNotContain("m1").contains("r1");
        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")", Map.of()))
                .containsExactly("m2", "r2", "pop", "ghost");
    }

    @Test
    void reactsToARecordedEventAtOnce() {
        history.record("me", "pop", "Watch", 3);

        assertThat(allowed(EXCLUDE_WATCHED, Map.of())).containsExactly("m2", "r1", "r2", "ghost");
    }

    @Test
    void includesTheGenreGivenAtRequestTime() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("GENRE", "\"Comedy\"")))
                .containsExactly("r2", "pop");
    }

    @Test
    void includesAnyOfSeveralGenres() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)",
                Map.of("GENRE", "\"Comedy\", \"Horror\""))).containsExactly("m1", "r2", "pop");
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN (\"Drama\", $GENRE)",
                Map.of("GENRE", "\"Action\""))).containsExactly("m2", "r1");
    }

    @Test
    void matchesCategoriesCaseSensitivelyAsPersonalizeDoes() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("GENRE", "\"comedy\""))).isEmpty();
    }

    @Test
    void combinesAnIncludeAndAnExcludeAsIncludedMinusExcluded() {
        String sciFiNotWatched = "INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) | " + EXCLUDE_WATCHED;

        assertThat(allowed(sciFiNotWatched, Map.of("GENRE", "\"Sci-Fi\""))).containsExactly("m2");
        assertThat(allowed(EXCLUDE_WATCHED + " | INCLUDE ItemID WHERE Items.GENRES IN (\"Sci-Fi\")", Map.of()))
                .containsExactly("m2");
    }

    @Test
    void unitesIncludesAndUnitesExcludes() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN (\"Horror\") | INCLUDE ItemID WHERE"
                + " Interactions.EVENT_TYPE IN (\"Click\")", Map.of())).containsExactly("m1", "r1");
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRES IN (\"Romance\") | " + EXCLUDE_WATCHED, Map.of()))
                .containsExactly("m2", "pop", "ghost");
    }

    @Test
    void notInMatchesItemsWithoutTheValueIncludingItemsWithoutARow() {
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRES NOT IN (\"Romance\")", Map.of()))
                .containsExactly("r1", "r2");
    }

    @Test
    void comparesNumericFieldsAndSkipsItemsWithoutAValue() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP >= $SINCE", Map.of("SINCE", "788918400")))
                .containsExactly("r2", "pop");
        assertThat(allowed("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP = 522547200", Map.of()))
                .containsExactly("m2");
        assertThat(allowed("EXCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < 600000000", Map.of()))
                .containsExactly("r1", "r2", "pop", "ghost");
    }

    @Test
    void bindsAndTighterThanOr() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRES IN (\"Sci-Fi\") AND Items.CREATION_TIMESTAMP > 500000000"
                + " OR Items.GENRES IN (\"Drama\")", Map.of())).containsExactly("m2", "r1");
    }

    @Test
    void skipsAnExcludeExpressionWhoseParameterHasNoValue() {
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRES IN ($GENRE) | " + EXCLUDE_WATCHED, Map.of()))
                .containsExactly("m2", "r1", "r2", "pop", "ghost");
    }

    @Test
    void requiresEveryValueOfAnIncludeExpression() {
        assertThatThrownBy(() -> allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("genre", "\"Drama\"")))
                .isInstanceOf(FilterValuesException.class)
                .hasMessage("filterValues has no value for $GENRE, which an INCLUDE expression of this filter needs");
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("GENRE", "Comedy")))
                .isInstanceOf(FilterValuesException.class)
                .hasMessage("filter value for $GENRE is malformed ('Comedy' is neither a quoted string nor a number):"
                        + " Comedy");
        assertThatThrownBy(() -> allowed("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)", Map.of("GENRE", "\"Comedy")))
                .hasMessageContaining("a quoted value has no closing quote");
        assertThatThrownBy(() -> allowed("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP > $T", Map.of("T", "\"soon\"")))
                .isInstanceOf(FilterValuesException.class)
                .hasMessage("'soon' is not a number");
    }

    @Test
    void anAnonymousUserHasNoInteractionsToExclude() {
        Predicate<String> p = ItemFilter.parse(EXCLUDE_WATCHED).candidates(catalog, UserEvents.empty(), Map.of());

        assertThat(ITEMS.stream().filter(p)).containsExactlyElementsOf(ITEMS);
    }
}
