package com.movierec.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovieCatalogTest {
    @Test
    void theColumnsReadAreTheItemsSchemasColumns() {
        assertThat(PersonalizeSchemas.load(DatasetType.ITEMS).columns()).containsExactly(
                MovieCatalog.ITEM_ID, MovieCatalog.TITLE, MovieCatalog.GENRES, MovieCatalog.CREATION_TIMESTAMP);
    }

    @Test
    void quotedTitlesWithCommasAndDoubledQuotesAreReadAsRfc4180() throws IOException {
        MovieCatalog catalog = read("""
                ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                12,"Usual Suspects, The (1995)",Crime|Thriller,808358400
                101,\"""Great Performances"" Cats (1998)\",Musical,
                """);

        assertThat(catalog.find("12")).isEqualTo(new Movie("12", "Usual Suspects, The", 1995, List.of("Crime", "Thriller")));
        assertThat(catalog.find("101").title()).isEqualTo("\"Great Performances\" Cats");
    }

    @Test
    void theReleaseTimestampDecidesTheYearAndTheTitleIsTheFallback() throws IOException {
        MovieCatalog catalog = read("""
                ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                1,Re-release (1995),Drama,-31536000
                2,No Timestamp (1984),Drama,
                3,No Year At All,Drama,
                4,Year In The Middle (1999) Edition,Drama,
                """);

        assertThat(catalog.find("1").year()).isEqualTo(1969);
        assertThat(catalog.find("1").title()).isEqualTo("Re-release");
        assertThat(catalog.find("2").year()).isEqualTo(1984);
        assertThat(catalog.find("3").year()).isNull();
        assertThat(catalog.find("4").title()).isEqualTo("Year In The Middle (1999) Edition");
        assertThat(catalog.find("4").year()).isNull();
    }

    @Test
    void rowsWithBrokenQuotingMissingFieldsOrRepeatedIdsAreSkipped() throws IOException {
        MovieCatalog catalog = read("""
                \uFEFFITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                1,First (1995),Comedy,
                2,"Broken "quote (1995),Drama,
                3,Too Few Fields
                1,Repeated (1996),Drama,
                ,No Id (1997),Drama,

                4,Last (1998),Drama|,
                """);

        assertThat(catalog.size()).isEqualTo(2);
        assertThat(catalog.find("1").title()).isEqualTo("First");
        assertThat(catalog.find("4").genres()).containsExactly("Drama");
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() throws IOException {
        MovieCatalog catalog = read("""
                GENRES,ITEM_ID,TITLE
                Comedy|Drama,7,Seven (1995)
                """);

        assertThat(catalog.find("7")).isEqualTo(new Movie("7", "Seven", 1995, List.of("Comedy", "Drama")));
    }

    @Test
    void genresAreMatchedInAnyLetterCaseAndListedSorted() throws IOException {
        MovieCatalog catalog = read("""
                ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                1,A (1995),Sci-Fi|Comedy,
                2,B (1995),Children's,
                """);

        assertThat(catalog.canonicalGenre("sci-fi")).isEqualTo("Sci-Fi");
        assertThat(catalog.canonicalGenre("CHILDREN'S")).isEqualTo("Children's");
        assertThat(catalog.canonicalGenre("Polka")).isNull();
        assertThat(catalog.genres()).containsExactly("Children's", "Comedy", "Sci-Fi");
    }

    @Test
    void aFileWithoutTheItemColumnsStopsStartup() {
        assertThatThrownBy(() -> read("USER_ID,AGE\n1,20\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs the columns ITEM_ID, TITLE and GENRES");
    }

    @Test
    void aFileWithoutMoviesStopsStartup() {
        assertThatThrownBy(() -> read("ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no usable movie rows");
    }

    private static MovieCatalog read(String csv) throws IOException {
        return MovieCatalog.read(new BufferedReader(new StringReader(csv)), "test.csv");
    }
}
