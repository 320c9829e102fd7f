package com.movierec.local.personalize;

import com.movierec.local.personalize.data.Interactions;
import com.movierec.local.personalize.data.ItemCatalog;
import java.util.Random;

/** Small datasets written as text, so a test shows its data at a glance. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * One "user: item item ..." line per user; each user's items get timestamps 1000, 1001, ... in the order
     * written, all as Watch events with value 4.
     */
    public static Interactions interactions(String... lines) {
        Interactions.Builder b = Interactions.builder();
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            String user = parts[0].strip();
            long t = 1000;
            for (String item : parts[1].strip().split("\\s+")) {
                b.add(user, item, t++, "Watch", 4);
            }
        }
        return b.build();
    }

    /**
     * The recommender's standard little world: two pairs of items always watched together (m1+m2, r1+r2) and one
     * item ("pop") that the most users have.
     * <pre>
     *   pop: 9 users, m1, m2, r1, r2: 6 users each
     *   users 1-3 watch m1 m2 pop, users 4-6 m1 m2, users 7-12 r1 r2 pop
     * </pre>
     */
    public static Interactions pairs() {
        return interactions(
                "u01: m1 m2 pop", "u02: m1 m2 pop", "u03: m1 m2 pop",
                "u04: m1 m2", "u05: m1 m2", "u06: m1 m2",
                "u07: r1 r2 pop", "u08: r1 r2 pop", "u09: r1 r2 pop",
                "u10: r1 r2 pop", "u11: r1 r2 pop", "u12: r1 r2 pop");
    }

    /** Genres for {@link #pairs()}: m* Sci-Fi, r* Romance, pop Comedy. */
    public static ItemCatalog pairsCatalog() {
        return ItemCatalog.builder()
                .item("m1", "Alien (1979)", "Horror|Sci-Fi", 284083200L)
                .item("m2", "Aliens (1986)", "Action|Sci-Fi", 522547200L)
                .item("r1", "Casablanca (1942)", "Drama|Romance", null)
                .item("r2", "Notting Hill (1999)", "Comedy|Romance", 926467200L)
                .item("pop", "Toy Story (1995)", "Animation|Children's|Comedy", 788918400L)
                .build();
    }

    /** A random but seeded dataset: {@code users} users with 5-40 of {@code items} items, popularity skewed. */
    public static Interactions random(long seed, int users, int items) {
        Random r = new Random(seed);
        Interactions.Builder b = Interactions.builder();
        for (int u = 0; u < users; u++) {
            int count = 5 + r.nextInt(36);
            for (int k = 0; k < count; k++) {
                int item = (int) (items * Math.pow(r.nextDouble(), 2));
                b.add("user" + u, "item" + item, 1_000_000L + r.nextInt(100_000), "Watch", 1 + r.nextInt(5));
            }
        }
        return b.build();
    }
}
