package com.movierec.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The cache on its own: keys "user:question" (or "-:question" for answers that are no user's), a counting loader. */
class AnswerCacheTest {
    private static final Duration TTL = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock();
    private final List<String> loaded = new ArrayList<>();

    private AnswerCache<String, String> cache(int maxEntries) {
        return new AnswerCache<>(new CacheSettings(TTL, maxEntries), clock, AnswerCacheTest::userOf);
    }

    private static String userOf(String key) {
        String user = key.substring(0, key.indexOf(':'));
        return user.equals("-") ? null : user;
    }

    /** Loads "answer N to KEY", N counting every load, so a reloaded answer differs from the stored one. */
    private Supplier<String> load(String key) {
        return () -> {
            loaded.add(key);
            return "answer " + loaded.size() + " to " + key;
        };
    }

    private String get(AnswerCache<String, String> cache, String key) {
        return cache.get(key, CacheControl.ANY_AGE, load(key));
    }

    @Test
    void aRepeatedKeyWithinTheTtlIsAnsweredWithoutLoading() {
        AnswerCache<String, String> cache = cache(10);

        String first = get(cache, "42:recommendations");
        clock.advance(TTL.minusMillis(1));
        String second = get(cache, "42:recommendations");

        assertThat(second).isEqualTo(first);
        assertThat(loaded).containsExactly("42:recommendations");
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void anotherKeyIsLoaded() {
        AnswerCache<String, String> cache = cache(10);

        get(cache, "42:recommendations count=10");
        get(cache, "42:recommendations count=25");
        get(cache, "7:recommendations count=10");

        assertThat(loaded).hasSize(3);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void anAnswerAsOldAsTheTtlIsLoadedAgain() {
        AnswerCache<String, String> cache = cache(10);

        String first = get(cache, "42:recommendations");
        clock.advance(TTL);
        String second = get(cache, "42:recommendations");

        assertThat(second).isNotEqualTo(first);
        assertThat(loaded).hasSize(2);
        assertThat(get(cache, "42:recommendations")).isEqualTo(second);
    }

    @Test
    void aFailedLoadStoresNothingAndTheNextRequestLoadsAgain() {
        AnswerCache<String, String> cache = cache(10);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> cache.get("42:recommendations", CacheControl.ANY_AGE, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("throttled");
        })).hasMessage("throttled");

        assertThat(cache.size()).isZero();
        assertThat(get(cache, "42:recommendations")).isEqualTo("answer 1 to 42:recommendations");
        assertThat(calls).hasValue(1);
    }

    @Test
    void invalidatingAUserDropsAllOfTheirAnswersAndNobodyElses() {
        AnswerCache<String, String> cache = cache(10);
        get(cache, "42:recommendations");
        get(cache, "42:recommendations genre=Comedy");
        get(cache, "42:ranking 1,2,3");
        get(cache, "7:recommendations");
        get(cache, "-:popular");

        cache.invalidateUser("42");

        assertThat(cache.size()).isEqualTo(2);
        loaded.clear();
        get(cache, "42:recommendations");
        get(cache, "42:recommendations genre=Comedy");
        get(cache, "42:ranking 1,2,3");
        get(cache, "7:recommendations");
        get(cache, "-:popular");
        assertThat(loaded).containsExactly("42:recommendations", "42:recommendations genre=Comedy", "42:ranking 1,2,3");
    }

    @Test
    void aRequestForAnAnswerNoOlderThanZeroLoadsAndReplacesTheStoredOne() {
        AnswerCache<String, String> cache = cache(10);
        get(cache, "42:recommendations");
        clock.advance(Duration.ofMillis(1));

        String fresh = cache.get("42:recommendations", 0, load("42:recommendations"));

        assertThat(fresh).isEqualTo("answer 2 to 42:recommendations");
        assertThat(get(cache, "42:recommendations")).isEqualTo(fresh);
        assertThat(loaded).hasSize(2);
    }

    @Test
    void aMaxAgeTakesAStoredAnswerOnlyWhileItIsThatYoung() {
        AnswerCache<String, String> cache = cache(10);
        get(cache, "42:recommendations");
        clock.advance(Duration.ofSeconds(10));

        assertThat(cache.get("42:recommendations", 10_000, load("42:recommendations")))
                .isEqualTo("answer 1 to 42:recommendations");
        assertThat(cache.get("42:recommendations", 9_999, load("42:recommendations")))
                .isEqualTo("answer 2 to 42:recommendations");
    }

    @Test
    void beyondMaxEntriesTheOldestAnswerIsDroppedFirst() {
        AnswerCache<String, String> cache = cache(2);
        get(cache, "1:recommendations");
        clock.advance(Duration.ofSeconds(1));
        get(cache, "2:recommendations");
        clock.advance(Duration.ofSeconds(1));
        get(cache, "3:recommendations");

        assertThat(cache.size()).isEqualTo(2);
        loaded.clear();
        get(cache, "2:recommendations");
        get(cache, "3:recommendations");
        assertThat(loaded).isEmpty();
        get(cache, "1:recommendations");
        assertThat(loaded).containsExactly("1:recommendations");
    }

    @Test
    void aDroppedAnswerLeavesNoTraceInItsUsersIndex() {
        AnswerCache<String, String> cache = cache(1);
        get(cache, "42:recommendations");
        get(cache, "7:recommendations"); // drops 42's

        cache.invalidateUser("42");

        assertThat(cache.size()).isEqualTo(1);
        loaded.clear();
        get(cache, "7:recommendations");
        assertThat(loaded).isEmpty();
    }

    @Test
    void expiredAnswersArePurgedWhenAnotherIsStored() {
        AnswerCache<String, String> cache = cache(10);
        get(cache, "1:recommendations");
        get(cache, "2:recommendations");
        clock.advance(TTL);

        get(cache, "3:recommendations");

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anAnswerLoadedWhileItsUserWasInvalidatedIsReturnedButNotStored() {
        AnswerCache<String, String> cache = cache(10);

        // The event for 42 arrives (on another thread) while 42's answer is being loaded: that answer may predate it.
        String answer = cache.get("42:recommendations", CacheControl.ANY_AGE, () -> {
            cache.invalidateUser("42");
            return "loaded before the event";
        });

        assertThat(answer).isEqualTo("loaded before the event");
        assertThat(cache.size()).isZero();
        assertThat(get(cache, "42:recommendations")).isEqualTo("answer 1 to 42:recommendations");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anAnswerLoadedWhileAnotherUserWasInvalidatedIsStored() {
        AnswerCache<String, String> cache = cache(10);

        cache.get("42:recommendations", CacheControl.ANY_AGE, () -> {
            cache.invalidateUser("7");
            return "unaffected";
        });

        assertThat(get(cache, "42:recommendations")).isEqualTo("unaffected");
    }

    @Test
    void aLoadRacingAnInvalidationIsNotStoredEvenOnceTheInvalidationsWereForgotten() {
        AnswerCache<String, String> cache = cache(2);

        cache.get("42:recommendations", CacheControl.ANY_AGE, () -> {
            cache.invalidateUser("42");
            // More users than the cache remembers invalidations for: 42's is forgotten.
            cache.invalidateUser("1");
            cache.invalidateUser("2");
            cache.invalidateUser("3");
            return "loaded before the event";
        });

        assertThat(cache.size()).isZero();
    }

    @Test
    void answersThatAreNoUsersAreNeverInvalidatedByEvents() {
        AnswerCache<String, String> cache = cache(10);
        String popular = get(cache, "-:popular");

        cache.invalidateUser("42");
        cache.invalidateUser(null);

        assertThat(get(cache, "-:popular")).isEqualTo(popular);
        assertThat(loaded).hasSize(1);
    }

    @Test
    void clearDropsEverything() {
        AnswerCache<String, String> cache = cache(10);
        get(cache, "42:recommendations");
        get(cache, "-:popular");

        cache.clear();

        assertThat(cache.size()).isZero();
        get(cache, "42:recommendations");
        assertThat(loaded).hasSize(3);
    }

    @Test
    void withAZeroTtlEveryRequestLoadsAndNothingIsHeld() {
        AnswerCache<String, String> cache = new AnswerCache<>(CacheSettings.OFF, clock, AnswerCacheTest::userOf);

        get(cache, "42:recommendations");
        get(cache, "42:recommendations");
        cache.invalidateUser("42");

        assertThat(cache.enabled()).isFalse();
        assertThat(loaded).hasSize(2);
        assertThat(cache.size()).isZero();
        assertThat(cache.hits()).isZero();
    }

    @Test
    void manyThreadsKeepTheBoundAndTheIndex() throws InterruptedException {
        AnswerCache<String, String> cache = cache(50);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int seed = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 5_000; i++) {
                        String user = Integer.toString((i * 31 + seed) % 97);
                        if (i % 10 == 0) {
                            cache.invalidateUser(user);
                        } else {
                            String key = user + ":count=" + (i % 3);
                            assertThat(cache.get(key, CacheControl.ANY_AGE, () -> "answer to " + key)).isEqualTo("answer to " + key);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(cache.size()).isLessThanOrEqualTo(50);
        for (int user = 0; user < 97; user++) {
            cache.invalidateUser(Integer.toString(user));
        }
        assertThat(cache.size()).as("every stored answer was in its user's index").isZero();
    }

    @Test
    void settingsRefuseANegativeTtlAndAnEmptyCache() {
        assertThatThrownBy(() -> new CacheSettings(Duration.ofSeconds(-1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings(TTL, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
