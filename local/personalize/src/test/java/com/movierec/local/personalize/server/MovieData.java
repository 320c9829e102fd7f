package com.movierec.local.personalize.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small world with two tastes, as CSVs in the project's schemas: 30 Sci-Fi movies (s00-s29, the first ten also
 * Action), 30 romances (r00-r29, Romance|Drama) and 10 comedies (c00-c09). Users u00-u29 watch 20 Sci-Fi movies,
 * 3 comedies and 2 romances; u30-u59 the other way round: 1,500 Watch events, 60 users. Seeded, so the same every
 * time.
 */
public final class MovieData {
    public static final int USERS = 60;
    public static final int EVENTS_PER_USER = 25;
    private static final long START = 1_000_000_000L;

    private MovieData() {
    }

    public static String itemsCsv() {
        StringBuilder csv = new StringBuilder("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n");
        for (int i = 0; i < 30; i++) {
            csv.append(id("s", i)).append(",\"Space Movie ").append(i).append(", The\",")
                    .append(i < 10 ? "Action|Sci-Fi" : "Sci-Fi").append(',').append(START - i * 86_400L).append('\n');
        }
        for (int i = 0; i < 30; i++) {
            csv.append(id("r", i)).append(",Love Story ").append(i).append(",Romance|Drama,\n");
        }
        for (int i = 0; i < 10; i++) {
            csv.append(id("c", i)).append(",Funny Film ").append(i).append(",Comedy,").append(START).append('\n');
        }
        return csv.toString();
    }

    /** The interactions of {@code users} users (at most 60), in time order per user. */
    public static String interactionsCsv(int users) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (int u = 0; u < users; u++) {
            boolean sciFiFan = u < 30;
            List<String> watched = new ArrayList<>();
            watched.addAll(sample(random, sciFiFan ? "s" : "r", 30, 20));
            watched.addAll(sample(random, "c", 10, 3));
            watched.addAll(sample(random, sciFiFan ? "r" : "s", 30, 2));
            Collections.shuffle(watched, random);
            long t = START + u * 10_000L;
            for (String item : watched) {
                csv.append(user(u)).append(',').append(item).append(',').append(t++).append(",Watch,")
                        .append(1 + random.nextInt(5)).append('\n');
            }
        }
        return csv.toString();
    }

    public static String user(int u) {
        return String.format("u%02d", u);
    }

    private static String id(String prefix, int i) {
        return String.format("%s%02d", prefix, i);
    }

    private static List<String> sample(Random random, String prefix, int of, int count) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < of; i++) {
            all.add(id(prefix, i));
        }
        Collections.shuffle(all, random);
        return all.subList(0, count);
    }
}
