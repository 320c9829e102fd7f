package com.movierec.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CacheControlTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "max-age=0; 0", "Max-Age=0; 0", " max-age=0 ; 0", "max-age=\"0\"; 0", "max-age=30; 30000",
        "no-transform, max-age=5; 5000", "max-age=60, max-age=2; 2000", "max-stale=10,max-age=0; 0"})
    void maxAgeIsTheOldestAnswerTheClientAccepts(String header, long millis) {
        assertThat(CacheControl.maxAgeMillis(header)).isEqualTo(millis);
    }

    /** no-cache and Pragma-like directives come with fetch's "no-store" mode, which the web page uses on every call. */
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "no-cache", "no-store", "no-cache, no-store", "max-age=", "max-age=-1", "max-age=1e3",
        "max-age=٣", "max-age=9999999999", "s-maxage=0", "only-if-cached", "private"})
    void anythingElseAcceptsAnyAnswerWithinTheTtl(String header) {
        assertThat(CacheControl.maxAgeMillis(header)).isEqualTo(CacheControl.ANY_AGE);
    }
}
