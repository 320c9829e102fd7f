package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.api.http.ApiException;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {
    private static final Pattern ID = Pattern.compile(Validation.ID_PATTERN);

    @ParameterizedTest
    @ValueSource(strings = {"42", "tt0114709", "user@example.com", "a.b", "urn:movie:1", "A_b-C", "..a"})
    void idsOfTheSafeCharacterSetAreAccepted(String id) {
        assertThat(Validation.id("userId", id)).isEqualTo(id);
        assertThat(ID.matcher(id).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "../etc", "a/b", "a b", "a%2Fb", "é", "a\u0000", "<script>", "a'b"})
    void idsOutsideTheSafeCharacterSetAreRejectedLikeTheDocumentedPattern(String id) {
        assertThatThrownBy(() -> Validation.id("userId", id)).isInstanceOf(ApiException.class);
        assertThat(ID.matcher(id).matches()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 257})
    void idsAreAtMost256Characters(int length) {
        String id = "9".repeat(length);
        assertThat(Validation.isId(id)).isEqualTo(length <= 256);
        assertThat(ID.matcher(id).matches()).isEqualTo(length <= 256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "25", "100", "007"})
    void countsFromOneToOneHundredAreAccepted(String count) {
        assertThat(Validation.count(count)).isEqualTo(Integer.parseInt(count));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "+5", " 5", "5 ", "1e2", "0x10", "5.0", "\u0665", "", "99999999999"})
    void otherCountsAreRejected(String count) {
        assertThatThrownBy(() -> Validation.count(count)).isInstanceOf(ApiException.class)
                .hasMessage("count must be a whole number from 1 to 100 (default 25).");
    }
}
