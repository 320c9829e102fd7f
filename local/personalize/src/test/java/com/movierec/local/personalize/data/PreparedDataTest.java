package com.movierec.local.personalize.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.movierec.local.personalize.MovieLens100k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedDataTest {
    @TempDir
    Path dir;

    @Test
    void readsDataPrepsCsvsByHeaderName() throws IOException {
        Files.writeString(dir.resolve("interactions.csv"), """
                USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE
                1,10,881250949,Watch,3
                1,20,881250900,Watch,
                2,10,891717742,Watch,4.5
                """);
        Files.writeString(dir.resolve("items.csv"), """
                ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                10,"Toy Story, the first (1995)",Animation|Children's|Comedy,788918400
                20,Unknown (????),unknown,
                """);

        PreparedData data = PreparedData.load(dir);

        Interactions i = data.interactions();
        assertThat(i.size()).isEqualTo(3);
        assertThat(i.items().id(i.item(i.start(0)))).isEqualTo("20"); // user 1's older event first
        assertThat(i.eventValue(i.start(0))).isNaN();
        assertThat(i.eventValue(i.start(1))).isEqualTo(4.5);
        ItemCatalog items = data.items();
        assertThat(items.title("10")).hasValue("Toy Story, the first (1995)");
        assertThat(items.genres("10")).containsExactly("Animation", "Children's", "Comedy");
        assertThat(items.creationTimestamp("10")).hasValue(788918400L);
        assertThat(items.creationTimestamp("20")).isEmpty();
    }

    @Test
    void worksWithoutItemsCsvAndWithColumnsInAnyOrder() throws IOException {
        Files.writeString(dir.resolve("interactions.csv"), "TIMESTAMP,ITEM_ID,USER_ID\n5,a,u\n");

        PreparedData data = PreparedData.load(dir);

        assertThat(data.interactions().users().ids()).containsExactly("u");
        assertThat(data.interactions().eventType(0)).isEmpty();
        assertThat(data.items().size()).isZero();
    }

    @Test
    void namesTheFileAndLineOfABadTimestamp() throws IOException {
        Files.writeString(dir.resolve("interactions.csv"), "USER_ID,ITEM_ID,TIMESTAMP\nu,a,5\nu,b,yesterday\n");

        assertThatThrownBy(() -> PreparedData.load(dir))
                .isInstanceOf(IOException.class)
                .hasMessage("interactions.csv line 3: TIMESTAMP 'yesterday' is not a whole number");
    }

    @Test
    void rejectsAMissingRequiredColumn() throws IOException {
        Files.writeString(dir.resolve("interactions.csv"), "USER_ID,ITEM_ID\nu,a\n");

        assertThatThrownBy(() -> PreparedData.load(dir)).hasMessageContaining("has no TIMESTAMP column");
    }

    @Test
    void readsDataPrepsRealMovieLensOutputAsTheRawFilesSayIfBinRunMadeIt() throws IOException {
        Path prepared = MovieLens100k.repoRoot().resolve("data/prepared/ml-100k");
        assumeTrue(Files.exists(prepared.resolve("interactions.csv")), () -> "Skipping: " + prepared
                + " has no interactions.csv; bin/run makes it");
        PreparedData raw = MovieLens100k.loadOrSkip();

        PreparedData data = PreparedData.load(prepared);

        assertThat(data.interactions().size()).isEqualTo(raw.interactions().size());
        assertThat(data.interactions().users().ids()).isEqualTo(raw.interactions().users().ids());
        assertThat(data.items().itemIds()).isEqualTo(raw.items().itemIds());
        for (String id : raw.items().itemIds()) {
            assertThat(data.items().title(id)).as("title of %s", id).isEqualTo(raw.items().title(id));
            assertThat(data.items().genres(id)).as("genres of %s", id).isEqualTo(raw.items().genres(id));
            assertThat(data.items().creationTimestamp(id)).isEqualTo(raw.items().creationTimestamp(id));
        }
    }

    @Test
    void rejectsAnItemFieldOutsideTheSchema() {
        assertThatThrownBy(() -> ItemCatalog.builder().row(Map.of("ITEM_ID", "1", "PRICE", "3")))
                .hasMessageContaining("the items schema has no field PRICE");
    }
}
