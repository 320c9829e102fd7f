package com.movierec.infra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthException;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDataTest {
    @TempDir
    Path dir;

    @Test
    void failsWithTheSentenceSayingHowToCreateTheData() throws IOException {
        Files.createDirectories(dir);

        assertThatThrownBy(() -> PreparedData.load(dir, "data/prepared/ml-100k"))
                .isInstanceOf(SynthException.class)
                .hasMessage("data/prepared/ml-100k has no interactions.csv: run bin/run (or java -jar "
                        + "data-prep/target/data-prep.jar --input <movielens dir> --output data/prepared/ml-100k) "
                        + "before cdk synth.");
    }

    @Test
    void failsWhenItemsAreMissing() throws IOException {
        Fixtures.preparedData(dir, false);
        Files.delete(dir.resolve("items.csv"));

        assertThatThrownBy(() -> PreparedData.load(dir, "data/prepared/ml-1m"))
                .hasMessageStartingWith("data/prepared/ml-1m has no items.csv: run bin/run");
    }

    @Test
    void usersAreOptional() {
        assertThat(PreparedData.load(Fixtures.preparedData(dir, false), "d").datasets())
                .containsExactly(DatasetType.INTERACTIONS, DatasetType.ITEMS);
        assertThat(PreparedData.load(Fixtures.preparedData(dir, true), "d").datasets())
                .containsExactly(DatasetType.INTERACTIONS, DatasetType.ITEMS, DatasetType.USERS);
    }

    @Test
    void theDataVersionIsAShortHashThatOnlyNewDataChanges() throws IOException {
        String version = PreparedData.load(Fixtures.preparedData(dir, true), "d").dataVersion();
        Files.writeString(dir.resolve("report.json"), "{}");
        String sameData = PreparedData.load(dir, "d").dataVersion();
        Files.writeString(dir.resolve("items.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        String newData = PreparedData.load(dir, "d").dataVersion();

        assertThat(version).matches("[0-9a-f]{12}");
        assertThat(sameData).as("files other than the CSVs do not count").isEqualTo(version);
        assertThat(newData).isNotEqualTo(version);
    }

    @Test
    void refusesARelativeDirectory() {
        assertThatThrownBy(() -> new PreparedData(Path.of("data/prepared"), "0123456789ab",
                java.util.Set.of(DatasetType.INTERACTIONS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is relative");
    }
}
