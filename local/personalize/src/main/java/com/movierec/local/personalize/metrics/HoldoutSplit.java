package com.movierec.local.personalize.metrics;

import com.movierec.local.personalize.data.Interactions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Personalize's offline-metrics split. Of the users with at least {@value #MIN_EVENTS} events (fewer cannot be
 * split), 10% (rounded up) are held out, chosen by a fixed hash of the user id so the choice never depends on
 * input order or on a random seed. A held-out user's events, oldest first, are split at floor(90%): the older part
 * is the input (at least one event), the newer part the ground truth (at least one). The model trains on every
 * other user's events plus the held-out users' inputs.
 *
 * <p>The ground truth is the distinct items of the newer part that are not already in the input: an item the user
 * had before is not something the model could newly recommend. A held-out user left with no such item is not
 * evaluated (MovieLens has no repeats, so this never happens there).
 */
final class HoldoutSplit {
    static final int MIN_EVENTS = 2;
    static final double HELD_OUT_SHARE = 0.10;
    static final double INPUT_SHARE = 0.90;

    /** One held-out user: what the model is given and what it should find. */
    record HeldOutUser(String userId, List<String> input, Set<String> truth) {
    }

    private final Interactions training;
    private final List<HeldOutUser> evaluated;

    private HoldoutSplit(Interactions training, List<HeldOutUser> evaluated) {
        this.training = training;
        this.evaluated = evaluated;
    }

    static HoldoutSplit of(Interactions data) {
        boolean[] heldOut = chooseHeldOut(data);
        Interactions.Builder training = Interactions.builder();
        List<HeldOutUser> evaluated = new ArrayList<>();
        for (int u = 0; u < data.userCount(); u++) {
            int start = data.start(u);
            int end = data.end(u);
            int inputEnd = end;
            if (heldOut[u]) {
                int events = end - start;
                inputEnd = start + Math.clamp((long) Math.floor(events * INPUT_SHARE), 1, events - 1);
            }
            for (int p = start; p < inputEnd; p++) {
                training.add(data.users().id(u), data.items().id(data.item(p)), data.timestamp(p), data.eventType(p),
                        data.eventValue(p));
            }
            if (heldOut[u]) {
                HeldOutUser user = heldOutUser(data, u, inputEnd);
                if (!user.truth().isEmpty()) {
                    evaluated.add(user);
                }
            }
        }
        return new HoldoutSplit(training.build(), List.copyOf(evaluated));
    }

    Interactions training() {
        return training;
    }

    /** The held-out users with a non-empty ground truth, in user id order. */
    List<HeldOutUser> evaluated() {
        return evaluated;
    }

    private static HeldOutUser heldOutUser(Interactions data, int u, int inputEnd) {
        List<String> input = new ArrayList<>();
        for (int p = data.start(u); p < inputEnd; p++) {
            input.add(data.items().id(data.item(p)));
        }
        Set<String> had = new HashSet<>(input);
        Set<String> truth = new LinkedHashSet<>();
        for (int p = inputEnd; p < data.end(u); p++) {
            String item = data.items().id(data.item(p));
            if (!had.contains(item)) {
                truth.add(item);
            }
        }
        return new HeldOutUser(data.users().id(u), List.copyOf(input), Set.copyOf(truth));
    }

    private static boolean[] chooseHeldOut(Interactions data) {
        List<Integer> eligible = new ArrayList<>();
        for (int u = 0; u < data.userCount(); u++) {
            if (data.end(u) - data.start(u) >= MIN_EVENTS) {
                eligible.add(u);
            }
        }
        eligible.sort(Comparator.comparingLong((Integer u) -> stableHash(data.users().id(u))).thenComparing(u -> u));
        int count = (int) Math.ceil(eligible.size() * HELD_OUT_SHARE);
        boolean[] heldOut = new boolean[data.userCount()];
        for (int k = 0; k < count; k++) {
            heldOut[eligible.get(k)] = true;
        }
        return heldOut;
    }

    /** FNV-1a over the UTF-8 bytes, then SplitMix64's finaliser so similar ids spread out; fixed forever. */
    static long stableHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }
}
