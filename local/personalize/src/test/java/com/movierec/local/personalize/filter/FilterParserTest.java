package com.movierec.local.personalize.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    @Test
    void acceptsTheExpressionsThisProjectUses() {
        assertThat(ItemFilter.parse("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\")").parameters())
                .isEmpty();
        assertThat(ItemFilter.parse("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)").parameters())
                .containsExactly("GENRE");
        assertThat(ItemFilter.parse("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE) | EXCLUDE ItemID WHERE"
                + " Interactions.EVENT_TYPE IN (\"Watch\")").parameters()).containsExactly("GENRE");
    }

    @Test
    void acceptsNotInComparisonsAndOrAndKeywordsInAnyCase() {
        ItemFilter filter = ItemFilter.parse("exclude itemid where Items.GENRES IN (\"Horror\", $GENRE) and"
                + " Items.CREATION_TIMESTAMP<=$BEFORE OR Items.GENRES not in (\"Drama\") | include ItemID where"
                + " interactions.EVENT_TYPE IN (\"*\")");

        assertThat(filter.parameters()).containsExactly("GENRE", "BEFORE");
        assertThat(filter.expression()).startsWith("exclude itemid");
    }

    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
                Arguments.of("", 1, "expected INCLUDE or EXCLUDE, but found the end of the expression"),
                Arguments.of("REMOVE ItemID WHERE Items.GENRES IN (\"A\")", 1,
                        "expected INCLUDE or EXCLUDE, but found 'REMOVE'"),
                Arguments.of("EXCLUDE ItemID Items.GENRES IN (\"A\")", 16, "expected WHERE, but found 'Items'"),
                Arguments.of("EXCLUDE ItemID WHERE Items.GENRES INN (\"Drama\")", 35,
                        "expected IN, NOT IN or a comparison operator after Items.GENRES, but found 'INN'"),
                Arguments.of("INCLUDE ItemID WHERE Items.PRICE IN (\"1\")", 28,
                        "Items has no field PRICE; its fields are [ITEM_ID, TITLE, GENRES, CREATION_TIMESTAMP]"),
                Arguments.of("INCLUDE ItemID WHERE Items.GENRES IN (\"A\") AND Interactions.EVENT_TYPE IN (\"Watch\")", 48,
                        "conditions joined by AND or OR must test the same dataset as the first one (ITEMS); join"
                                + " expressions on different datasets with '|'"),
                Arguments.of("EXCLUDE ItemID WHERE Items.GENRES NOT IN ($GENRE)", 43,
                        "NOT IN cannot take a parameter; use IN with the opposite INCLUDE or EXCLUDE instead"),
                Arguments.of("INCLUDE ItemID WHERE Items.GENRES > 3", 35,
                        "'>' compares numbers, but GENRES is not numeric; use IN or NOT IN"),
                Arguments.of("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < \"soon\"", 49,
                        "CREATION_TIMESTAMP is numeric, but \"soon\" is not a number"),
                Arguments.of("INCLUDE ItemID WHERE Items.GENRES IN (\"A\"", 42,
                        "expected ',' or ')', but found the end of the expression"),
                Arguments.of("INCLUDE ItemID WHERE Items.GENRES IN (Comedy)", 39,
                        "expected a quoted string, a number or a $PARAMETER, but found 'Comedy'"),
                Arguments.of("INCLUDE ItemID WHERE Items.GENRES IN (\"Comedy)", 39,
                        "the string starting here has no closing '\"'"),
                Arguments.of("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Watch\") IF CurrentUser.AGE > 18", 59,
                        "IF CurrentUser conditions are not supported: personalize-local has no Users dataset"),
                Arguments.of("EXCLUDE UserID WHERE Users.AGE > 18", 9, "only item filters (ItemID) are supported"),
                Arguments.of("INCLUDE ItemID WHERE Users.AGE > 18", 22,
                        "Users conditions are not supported; use Items or Interactions"),
                Arguments.of("EXCLUDE ItemID WHERE Interactions.EVENT_VALUE > 3", 35,
                        "Interactions conditions can only test EVENT_TYPE, not EVENT_VALUE"),
                Arguments.of("EXCLUDE ItemID WHERE Items.GENRES IN (\"A\") |", 45,
                        "expected INCLUDE or EXCLUDE, but found the end of the expression"),
                Arguments.of("EXCLUDE ItemID WHERE Items.GENRES IN (\"A\") Items.GENRES IN (\"B\")", 44,
                        "expected AND, OR, '|' or the end of the expression, but found 'Items'"),
                Arguments.of("EXCLUDE ItemID WHERE Items.GENRES ! IN (\"A\")", 35, "unexpected character '!'"));
    }

    @ParameterizedTest
    @MethodSource("invalidExpressions")
    void rejectsAnInvalidExpressionNamingThePositionAndWhatWasExpected(String expression, int position,
                                                                       String problem) {
        assertThatThrownBy(() -> ItemFilter.parse(expression))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("Invalid filter expression at position " + position + ": " + problem)
                .satisfies(e -> assertThat(((FilterSyntaxException) e).position()).isEqualTo(position));
    }
}
