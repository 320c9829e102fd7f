package com.movierec.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownUsersTest {
    @Test
    void usersOfTheFileAreKnownAndOthersOnlyAfterAnEvent(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("known-users.txt"), "42\r\n 7 \n\n");
        KnownUsers users = KnownUsers.load(file);

        assertThat(users.isKnown("42")).isTrue();
        assertThat(users.isKnown("7")).isTrue();
        assertThat(users.isKnown("8")).isFalse();
        users.recordActivity("8");
        assertThat(users.isKnown("8")).isTrue();
    }

    @Test
    void theMemoryOfActiveUsersIsBoundedAndForgetsTheOldestFirst(@TempDir Path dir) throws IOException {
        KnownUsers users = KnownUsers.load(Files.writeString(dir.resolve("known-users.txt"), "42\n"));

        for (int i = 0; i <= KnownUsers.MAX_RECENTLY_ACTIVE; i++) {
            users.recordActivity("u" + i);
        }

        assertThat(users.isKnown("u0")).isFalse();
        assertThat(users.isKnown("u1")).isTrue();
        assertThat(users.isKnown("u" + KnownUsers.MAX_RECENTLY_ACTIVE)).isTrue();
    }

    @Test
    void withoutAFileEveryoneIsKnown(@TempDir Path dir) {
        assertThat(KnownUsers.load(dir.resolve("absent.txt")).isKnown("anyone")).isTrue();
    }
}
