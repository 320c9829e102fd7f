package com.movierec.api.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The users the model knows: those of the training data (one id per line in the known-users file) plus those who
 * recorded an event through this instance since it started. Without a file every user counts as known.
 */
public final class KnownUsers {
    /** Bounds the memory of users seen through POST /events; the oldest are forgotten first. */
    static final int MAX_RECENTLY_ACTIVE = 10_000;

    private final Set<String> trained;
    private final Map<String, Boolean> recentlyActive = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_RECENTLY_ACTIVE;
        }
    };

    private KnownUsers(Set<String> trained) {
        this.trained = trained;
    }

    /** Every user is known: used when there is no known-users file. */
    public static KnownUsers everyone() {
        return new KnownUsers(null);
    }

    /** Reads the file when it exists; an absent file means every user is known. */
    public static KnownUsers load(Path file) {
        if (file == null || !Files.exists(file)) {
            return everyone();
        }
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String id = line.strip();
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the known-users file " + file, e);
        }
        return new KnownUsers(ids);
    }

    public boolean isKnown(String userId) {
        if (trained == null || trained.contains(userId)) {
            return true;
        }
        synchronized (recentlyActive) {
            return recentlyActive.get(userId) != null;
        }
    }

    /** The user recorded an event: Personalize now has interactions for them, so stop falling back. */
    public void recordActivity(String userId) {
        if (trained == null || trained.contains(userId)) {
            return;
        }
        synchronized (recentlyActive) {
            recentlyActive.put(userId, Boolean.TRUE);
        }
    }
}
