package com.movierec.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportCheckTest {
    private static final PersonalizeSchema INTERACTIONS = PersonalizeSchemas.load(DatasetType.INTERACTIONS);
    private static final PersonalizeSchema ITEMS = PersonalizeSchemas.load(DatasetType.ITEMS);
    private static final PersonalizeSchema VOD_ITEMS = PersonalizeSchemas.load(DatasetType.ITEMS, Domain.VIDEO_ON_DEMAND);

    @Test
    void acceptsRowsOfTheRightTypesWithNullsWhereAllowed() throws IOException {
        ImportCheck.Result r = check(INTERACTIONS, """
                USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE
                1,10,881250949,Watch,3.5
                2,11,881250950,Watch,
                """);

        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.rows()).isEqualTo(2);
    }

    @Test
    void acceptsQuotedTitlesWithCommasQuotesAndLineBreaks() throws IOException {
        ImportCheck.Result r = check(ITEMS, """
                ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP
                1,"Matrix, The (1999)",Action|Sci-Fi,915148800
                2,\"""Quoted"" (2001)",Drama,
                3,"Two
                Lines",Drama,978307200
                """);

        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.rows()).isEqualTo(3);
    }

    @Test
    void failsOnAHeaderThatDoesNotNameTheSchemaFieldsInOrder() throws IOException {
        ImportCheck.Result r = check(INTERACTIONS, "ITEM_ID,USER_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n1,2,3,Watch,1\n");

        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).contains("line 1", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE");
    }

    @Test
    void failsOnAValueThatIsNotItsFieldsType() throws IOException {
        ImportCheck.Result r = check(INTERACTIONS, "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n1,2,1997-01-01,Watch,1\n");

        assertThat(r.firstProblems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(2))
                .satisfies(p -> assertThat(p.message()).contains("TIMESTAMP", "1997-01-01", "long"));
    }

    @Test
    void failsOnNullWhereTheSchemaRequiresAValue() throws IOException {
        ImportCheck.Result r = check(VOD_ITEMS, "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n1,Title,Drama,\n");

        assertThat(r.summary()).contains("CREATION_TIMESTAMP is empty");
    }

    @Test
    void failsOnIdsAndCategoriesOverPersonalizesLimits() throws IOException {
        String longId = "u".repeat(257);
        String longGenre = "g".repeat(1001);
        ImportCheck.Result r = check(ITEMS, "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n" + longId + ",T,Drama,\n1,T,Drama|" + longGenre + ",\n");

        assertThat(r.problemCount()).isEqualTo(2);
        assertThat(r.firstProblems()).extracting(ImportCheck.Problem::message)
                .containsExactly("ITEM_ID is longer than 256 characters", "GENRES has a category longer than 1000 characters");
    }

    @Test
    void failsOnWrongValueCountBrokenQuotesAndInvalidUtf8() throws IOException {
        assertThat(check(ITEMS, "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n1,T,Drama\n").summary()).contains("3 values", "4 fields");
        assertThat(check(ITEMS, "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n1,\"T\"x,Drama,\n").summary()).contains("closing quote");
        assertThat(check(ITEMS, "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n1,\"open,Drama,\n").summary()).contains("never closed");

        byte[] latin1 = "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP\n1,Am\u00e9lie,Drama,\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ImportCheck.check(ITEMS, new ByteArrayInputStream(latin1)).summary()).contains("not valid UTF-8");
    }

    @Test
    void failsOnAnEmptyFile() throws IOException {
        assertThat(check(ITEMS, "").summary()).contains("empty", "ITEM_ID,TITLE,GENRES,CREATION_TIMESTAMP");
    }

    private static ImportCheck.Result check(PersonalizeSchema schema, String csv) throws IOException {
        return ImportCheck.check(schema, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
