package com.movierec.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvRecordParserTest {

    @Test
    void splitsPlainAndQuotedFieldsWithCommasAndDoubledQuotes() {
        assertThat(CsvRecordParser.parseLine("1,\"Matrix, The (1999)\",\"\"\"Quoted\"\"\",")).containsExactly(
                "1", "Matrix, The (1999)", "\"Quoted\"", "");
    }

    @Test
    void keepsALineBreakInsideAQuotedFieldAcrossFeeds() {
        CsvRecordParser parser = new CsvRecordParser();

        assertThat(parser.feed("7,\"Two")).isEqualTo(CsvRecordParser.State.OPEN_QUOTE);
        assertThat(parser.feed("Lines\",Drama")).isEqualTo(CsvRecordParser.State.COMPLETE);
        assertThat(parser.fields()).containsExactly("7", "Two\nLines", "Drama");
    }

    @Test
    void reportsTextAfterAClosingQuoteAndAQuoteLeftOpen() {
        assertThat(new CsvRecordParser().feed("\"a\"b,c")).isEqualTo(CsvRecordParser.State.TEXT_AFTER_QUOTE);
        assertThat(CsvRecordParser.parseLine("1,\"open")).isNull();
    }

    @Test
    void treatsAQuoteInsideAnUnquotedFieldAsText() {
        assertThat(CsvRecordParser.parseLine("a\"b,c")).containsExactly("a\"b", "c");
    }

    @Test
    void resetStartsAFreshRecord() {
        CsvRecordParser parser = new CsvRecordParser();
        parser.feed("1,\"open");
        parser.reset();

        assertThat(parser.feed("2,x")).isEqualTo(CsvRecordParser.State.COMPLETE);
        assertThat(parser.fields()).containsExactly("2", "x");
    }
}
