package com.movierec.api.cache;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers of Personalize kept in memory for a TTL, so a repeated request within it is answered without a call. One
 * per execution environment: Lambda runs one request at a time in it, the local API several, so every method is
 * thread-safe (a lock held only around the map, never during a call to Personalize).
 * <ul>
 *   <li>A key is everything an answer depends on; {@code userOf} names the user an answer is for (null for answers
 *       that are the same for everyone), so that {@link #invalidateUser} drops exactly that user's answers.</li>
 *   <li>Only what {@code load} returns is stored: an exception (throttling, a failed call) leaves the cache as it was
 *       and reaches the caller, so errors are never served again.</li>
 *   <li>An answer loaded while the same user's answers were being invalidated is returned but not stored: it may
 *       predate the event that caused the invalidation.</li>
 *   <li>Bounded by {@link CacheSettings#maxEntries()}: entries are kept in the order they were stored, which with one
 *       TTL for all is the order they expire in, so the oldest (the nearest to expiry) is dropped first and expired
 *       ones are purged from the front on every store.</li>
 * </ul>
 *
 * @param <K> the key: a value type (equals and hashCode) holding everything the answer depends on
 * @param <V> the answer, immutable
 */
public final class AnswerCache<K, V> {
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;
    private final Function<K, String> userOf;
    /** In the order stored: with one TTL, the order of expiry. */
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();
    private final Map<String, Set<K>> keysByUser = new HashMap<>();
    /**
     * The sequence number of each user's latest invalidation, so that a load that raced one is not stored. Bounded:
     * when it outgrows {@code maxEntries} it is emptied and {@link #forgottenUpTo} stands for every user in it.
     */
    private final Map<String, Long> lastInvalidation = new HashMap<>();
    private long invalidationSequence;
    private long forgottenUpTo;
    private long hits;
    private long misses;

    private record Entry<V>(V value, long storedAtMillis, long expiresAtMillis) {
    }

    public AnswerCache(CacheSettings settings, Clock clock, Function<K, String> userOf) {
        this.ttlMillis = settings.ttl().toMillis();
        this.maxEntries = settings.maxEntries();
        this.clock = clock;
        this.userOf = userOf;
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    /**
     * The answer for {@code key}: the stored one while its TTL lasts and it is at most {@code maxAgeMillis} old
     * (the client's {@code Cache-Control: max-age}; {@link CacheControl#ANY_AGE} for no limit); else what {@code load}
     * returns, which is then stored. Exceptions of {@code load} pass through, storing nothing.
     */
    public V get(K key, long maxAgeMillis, Supplier<V> load) {
        if (!enabled()) {
            return load.get();
        }
        String user = userOf.apply(key);
        long sequenceBefore;
        synchronized (this) {
            long now = clock.millis();
            Entry<V> entry = entries.get(key);
            if (entry != null && entry.expiresAtMillis() > now && now - entry.storedAtMillis() <= maxAgeMillis) {
                hits++;
                return entry.value();
            }
            misses++;
            sequenceBefore = invalidationSequence;
        }
        V value = load.get();
        synchronized (this) {
            if (lastInvalidationOf(user) <= sequenceBefore) {
                store(key, user, value, clock.millis());
            }
        }
        return value;
    }

    /** Drops every answer for {@code userId} (after the user recorded an event, so the next answer reflects it). */
    public synchronized void invalidateUser(String userId) {
        if (!enabled() || userId == null) {
            return;
        }
        Set<K> keys = keysByUser.remove(userId);
        if (keys != null) {
            keys.forEach(entries::remove);
        }
        if (lastInvalidation.size() >= maxEntries) {
            forgottenUpTo = invalidationSequence;
            lastInvalidation.clear();
        }
        lastInvalidation.put(userId, ++invalidationSequence);
    }

    /** Drops every answer (after SnapStart priming, whose answers were made up). */
    public synchronized void clear() {
        entries.clear();
        keysByUser.clear();
        forgottenUpTo = invalidationSequence;
        lastInvalidation.clear();
    }

    /** The answers held now, expired ones not yet purged included. */
    public synchronized int size() {
        return entries.size();
    }

    /** Requests answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Requests that had to call (not cached, expired, or older than the client accepted), while the cache was on. */
    public synchronized long misses() {
        return misses;
    }

    /** 0 for answers that are no user's; {@link #forgottenUpTo} for a user whose invalidations were forgotten. */
    private long lastInvalidationOf(String user) {
        return user == null ? 0 : lastInvalidation.getOrDefault(user, forgottenUpTo);
    }

    private void store(K key, String user, V value, long now) {
        // Removed first, so that a refreshed key moves to the end, where the newest entries are.
        remove(key);
        entries.put(key, new Entry<>(value, now, now + ttlMillis));
        if (user != null) {
            keysByUser.computeIfAbsent(user, u -> new HashSet<>()).add(key);
        }
        Iterator<Map.Entry<K, Entry<V>>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<K, Entry<V>> oldest = oldestFirst.next();
            if (oldest.getValue().expiresAtMillis() > now && entries.size() <= maxEntries) {
                break;
            }
            oldestFirst.remove();
            unindex(oldest.getKey());
        }
    }

    private void remove(K key) {
        if (entries.remove(key) != null) {
            unindex(key);
        }
    }

    private void unindex(K key) {
        String user = userOf.apply(key);
        if (user == null) {
            return;
        }
        Set<K> keys = keysByUser.get(user);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            keysByUser.remove(user);
        }
    }
}
