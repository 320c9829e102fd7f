package com.movierec.e2e.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small synthetic Interactions dataset for the getting-started flow (not MovieLens): 60 users who each watched 20
 * of 120 items, 1,200 interactions, above Personalize's minimums of 1,000 interactions and 25 users with 2 or more.
 * Written into the server's local S3 root, with the schema the flow creates.
 */
final class FlowData {
    static final String BUCKET = "flow-data";
    static final String KEY = "interactions.csv";
    static final int USERS = 60;
    static final int ITEMS_PER_USER = 20;
    static final int ITEMS = 120;
    /** The getting-started Interactions schema: the three required fields and an event type. */
    static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                        {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}],
             "version": "1.0"}""";

    private FlowData() {
    }

    /** Writes the CSV under {@code s3Root} and answers its {@code s3://} location. */
    static String write(Path s3Root) {
        StringBuilder csv = new StringBuilder("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\n");
        long time = 1_700_000_000L;
        for (int user = 0; user < USERS; user++) {
            for (int k = 0; k < ITEMS_PER_USER; k++) {
                // Users overlap in what they watch (so a model has something to learn), no user twice the same item.
                csv.append(userId(user)).append(',').append(itemId((user * 11 + k * 3) % ITEMS)).append(",Watch,")
                        .append(time++).append('\n');
            }
        }
        try {
            Path file = s3Root.resolve(BUCKET).resolve(KEY);
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "s3://" + BUCKET + "/" + KEY;
    }

    static String userId(int user) {
        return "user-" + user;
    }

    static String itemId(int item) {
        return "item-" + item;
    }
}
