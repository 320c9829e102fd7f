package com.movierec.dataprep.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.report.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small-file reader: RFC 4180 CSV (ml-latest's movies.csv) and the plain separated files of older releases. */
class RecordReaderTest {

    private static List<RecordReader.Record> csv(String text) throws IOException {
        return read(RecordReader.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static List<RecordReader.Record> read(RecordReader reader) throws IOException {
        List<RecordReader.Record> out = new ArrayList<>();
        try (reader) {
            for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<RecordReader.Record> records = csv("1,\"Misérables, Les (1995)\",Drama\n"
                + "2,\"\"\"Great\"\" Escape, The (1963)\",War\n"
                + "3,\"Twin\nLines (1999)\",Drama\n"
                + "4,Plain (2000),Comedy\n");

        assertThat(records).extracting(RecordReader.Record::fields).containsExactly(
                List.of("1", "Misérables, Les (1995)", "Drama"),
                List.of("2", "\"Great\" Escape, The (1963)", "War"),
                List.of("3", "Twin\nLines (1999)", "Drama"),
                List.of("4", "Plain (2000)", "Comedy"));
        assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void keepsABlankLineInsideAQuotedField() throws IOException {
        List<RecordReader.Record> records = csv("1,\"A\n\nB\",x\n2,C,y\n");

        assertThat(records).extracting(RecordReader.Record::fields)
                .containsExactly(List.of("1", "A\n\nB", "x"), List.of("2", "C", "y"));
    }

    @Test
    void skipsBlankLinesBetweenRecords() throws IOException {
        List<RecordReader.Record> records = csv("\n1,A,x\n\n\n2,B,y\n\n");

        assertThat(records).extracting(RecordReader.Record::line).containsExactly(2L, 5L);
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() throws IOException {
        List<RecordReader.Record> records = csv("1,\"Bad \"quote\" (1999)\",Drama\n2,Good,x\n");

        assertThat(records.get(0).rejection()).isEqualTo(Rejection.MALFORMED_QUOTES);
        assertThat(records.get(0).detail()).isEqualTo("text follows a closing quote on line 1");
        assertThat(records.get(1).fields()).containsExactly("2", "Good", "x");
    }

    @Test
    void unclosedQuoteRejectsItsLineAndTheFollowingLinesAreReadAgain() throws IOException {
        List<RecordReader.Record> records = csv("1,A,x\n2,\"Never closed,x\n3,B,y\n4,C,z\n");

        assertThat(records).hasSize(4);
        assertThat(records.get(1).rejection()).isEqualTo(Rejection.MALFORMED_QUOTES);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).detail()).isEqualTo("the quote opened on line 2 is never closed");
        assertThat(records.get(2).fields()).containsExactly("3", "B", "y");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).fields()).containsExactly("4", "C", "z");
    }

    @Test
    void unclosedQuoteThatALaterTitleSeemsToCloseRejectsOnlyItsOwnLine() throws IOException {
        List<RecordReader.Record> records = csv("1,\"Never closed,x\n2,B,y\n3,\"Quoted, Title\",z\n");

        assertThat(records).extracting(RecordReader.Record::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).rejection()).isEqualTo(Rejection.MALFORMED_QUOTES);
        assertThat(records.get(1).fields()).containsExactly("2", "B", "y");
        assertThat(records.get(2).fields()).containsExactly("3", "Quoted, Title", "z");
    }

    @Test
    void quotedFieldOpenForMoreThanFiftyLinesIsMalformedAndTheLinesAreReadAgain() throws IOException {
        StringBuilder text = new StringBuilder("0,\"open\n");
        for (int i = 1; i <= 60; i++) {
            text.append(i).append(",T,g\n");
        }

        List<RecordReader.Record> records = csv(text.toString());

        assertThat(records).hasSize(61);
        assertThat(records.get(0).rejection()).isEqualTo(Rejection.MALFORMED_QUOTES);
        assertThat(records.subList(1, 61)).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(records.get(60).fields()).containsExactly("60", "T", "g");
        assertThat(records.get(60).line()).isEqualTo(61);
    }

    @Test
    void invalidUtf8LineIsRejectedNotMangled() throws IOException {
        byte[] bytes = {'1', ',', 'C', 'a', 'f', (byte) 0xE9, ',', 'x', '\n', '2', ',', 'B', ',', 'y', '\n'};

        List<RecordReader.Record> records = read(RecordReader.csv(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));

        assertThat(records.get(0).rejection()).isEqualTo(Rejection.INVALID_ENCODING);
        assertThat(records.get(0).detail()).isEqualTo("line 1 is not valid UTF-8");
        assertThat(records.get(1).fields()).containsExactly("2", "B", "y");
    }

    @Test
    void separatedFilesSplitOnTheWholeSeparatorAndIgnoreQuotes() throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        byte[] bytes = "1::\"Quoted\" Caf\u00e9, Le (1990)::Comedy|Drama\r\n2::B::::x\r\n".getBytes(latin1);

        List<RecordReader.Record> records = read(RecordReader.separated(new ByteArrayInputStream(bytes), latin1, "::"));

        assertThat(records.get(0).fields()).containsExactly("1", "\"Quoted\" Café, Le (1990)", "Comedy|Drama");
        assertThat(records.get(1).fields()).containsExactly("2", "B", "", "x");
    }

    @Test
    void reportsByteOrderMarkAndCrlfLines() throws IOException {
        byte[] bytes = "\uFEFFmovieId,title,genres\r\n1,A,x\r\n2,B,y\n".getBytes(StandardCharsets.UTF_8);
        RecordReader reader = RecordReader.csv(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);

        List<RecordReader.Record> records = new ArrayList<>();
        for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }

        assertThat(records.get(0).fields()).containsExactly("movieId", "title", "genres");
        assertThat(reader.hadByteOrderMark()).isTrue();
        assertThat(reader.crlfLines()).isEqualTo(2);
        reader.close();
    }
}
