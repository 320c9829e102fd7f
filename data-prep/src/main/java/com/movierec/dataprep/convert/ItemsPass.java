package com.movierec.dataprep.convert;

import com.movierec.dataprep.PrepException;
import com.movierec.dataprep.index.ByteKeyIndex;
import com.movierec.dataprep.input.InputSource;
import com.movierec.dataprep.input.MovieLensFormat;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.Rejection;
import com.movierec.dataprep.report.RejectionTally;
import com.movierec.dataprep.text.RecordReader;
import com.movierec.dataprep.write.CsvOutput;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the movies file (u.item, movies.dat or movies.csv) into items.csv in the Items schema's column order. */
public final class ItemsPass {

    /** The written report and the ids of the movies written, for the interactions pass to check against. */
    public record Result(DatasetReport report, ByteKeyIndex catalog) {
    }

    private record Movie(String id, String title, List<String> genres, Long released) {
    }

    private final MovieLensFormat format;
    private final Domain domain;
    private final Charset forcedCharset;
    private final RejectionTally tally = new RejectionTally();
    private final ByteKeyIndex catalog = new ByteKeyIndex();
    private List<String> genreNames = Genres.ML100K;

    public ItemsPass(MovieLensFormat format, Domain domain, Charset forcedCharset) {
        this.format = format;
        this.domain = domain;
        this.forcedCharset = forcedCharset;
    }

    public Result run(InputSource source, Path target) throws IOException {
        String file = format.moviesFile();
        Charset charset = SourceFile.charset(source, file, format.charset(), forcedCharset);
        if (format == MovieLensFormat.ML_100K && source.has("u.genre")) {
            genreNames = readGenreNames(source, charset);
        }
        PersonalizeSchema schema = PersonalizeSchemas.load(DatasetType.ITEMS, domain);
        long read = 0;
        long duplicates = 0;
        try (InputStream in = SourceFile.open(source, file, format.id());
             RecordReader reader = format == MovieLensFormat.ML_LATEST
                     ? RecordReader.csv(in, charset) : RecordReader.separated(in, charset, format.metadataSeparator());
             CsvOutput out = new CsvOutput(Files.newOutputStream(target))) {
            out.header(schema.columns());
            RecordReader.Record r = reader.next();
            if (format.hasHeader()) {
                expectHeader(r, source.location(file));
                r = reader.next();
            }
            for (; r != null; r = reader.next()) {
                read++;
                Movie movie = r.ok() ? parse(r.fields(), r.line()) : rejected(r);
                if (movie != null) {
                    int before = catalog.size();
                    catalog.getOrAdd(movie.id());
                    if (catalog.size() == before) {
                        duplicates++;
                    } else {
                        write(out, schema, movie);
                    }
                }
                Checks.notGarbage(source.location(file), format.id(), read, out.rows() + duplicates, tally, false);
            }
            Checks.notGarbage(source.location(file), format.id(), read, out.rows() + duplicates, tally, true);
            DatasetReport report = DatasetReport.of(DatasetType.ITEMS.csvFileName(), file, charset.name(),
                    reader.hadByteOrderMark(), reader.crlfLines(), read, out.rows(), duplicates, 0, tally);
            return new Result(report, catalog);
        }
    }

    private Movie rejected(RecordReader.Record r) {
        tally.reject(r.rejection(), r.line(), r.detail());
        return null;
    }

    private void expectHeader(RecordReader.Record header, String location) {
        List<String> expected = List.of("movieId", "title", "genres");
        if (header == null || !header.ok() || !header.fields().equals(expected)) {
            String seen = header == null ? "nothing" : header.ok() ? "'" + String.join(",", header.fields()) + "'" : "unreadable text";
            throw new PrepException(location + " starts with " + seen + ", but an ml-latest movies file starts with the header movieId,title,genres; check --format and the file.");
        }
    }

    private Movie parse(List<String> f, long line) {
        int expected = format == MovieLensFormat.ML_100K ? 5 + genreNames.size() : 3;
        if (f.size() != expected) {
            tally.reject(Rejection.WRONG_FIELD_COUNT, line, "line " + line + " has " + f.size() + " fields, expected " + expected);
            return null;
        }
        String id = f.get(0).trim();
        if (!Checks.id(id, "movie id", line, tally)) {
            return null;
        }
        String title = f.get(1).trim();
        if (title.isEmpty()) {
            tally.reject(Rejection.EMPTY_TITLE, line, "movie " + id + " on line " + line + " has no title");
            return null;
        }
        List<String> genres;
        Long released;
        if (format == MovieLensFormat.ML_100K) {
            genres = flagsToGenres(f, line);
            if (genres == null) {
                return null;
            }
            String date = f.get(2).trim();
            if (date.isEmpty()) {
                released = ReleaseTime.fromTitle(title);
            } else if (ReleaseTime.isDate(date)) {
                released = ReleaseTime.fromMl100kDate(date);
            } else {
                tally.reject(Rejection.BAD_RELEASE_DATE, line, "release date '" + date + "' on line " + line);
                return null;
            }
        } else {
            genres = Genres.split(f.get(2));
            released = ReleaseTime.fromTitle(title);
        }
        for (String g : genres) {
            if (!Checks.categoryLength(g, "genre", line, tally)) {
                return null;
            }
        }
        if (released == null && domain == Domain.VIDEO_ON_DEMAND) {
            tally.reject(Rejection.MISSING_RELEASE_DATE, line, "movie " + id + " on line " + line + " has no release date or year");
            return null;
        }
        return new Movie(id, title, genres, released);
    }

    private List<String> flagsToGenres(List<String> f, long line) {
        List<String> genres = new ArrayList<>();
        for (int i = 0; i < genreNames.size(); i++) {
            String flag = f.get(5 + i).trim();
            if (flag.equals("1")) {
                if (!genreNames.get(i).equals(Genres.NONE)) {
                    genres.add(genreNames.get(i));
                }
            } else if (!flag.equals("0")) {
                tally.reject(Rejection.BAD_GENRE_FLAGS, line, "genre column " + (i + 1) + " is '" + flag + "' on line " + line);
                return null;
            }
        }
        return genres;
    }

    private static void write(CsvOutput out, PersonalizeSchema schema, Movie m) throws IOException {
        for (String column : schema.columns()) {
            switch (column) {
                case "ITEM_ID" -> out.field(m.id());
                case "TITLE" -> out.field(m.title());
                case "GENRES" -> out.field(Genres.join(m.genres()));
                case "CREATION_TIMESTAMP" -> {
                    if (m.released() == null) {
                        out.empty();
                    } else {
                        out.field(m.released());
                    }
                }
                default -> throw new IllegalStateException("data-prep has no value for column " + column + " of the Items schema");
            }
        }
        out.endRow();
    }

    /** u.genre lists "name|index" lines; the names in index order label u.item's flag columns. */
    private static List<String> readGenreNames(InputSource source, Charset charset) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = source.open("u.genre");
             RecordReader reader = RecordReader.separated(in, charset == null ? StandardCharsets.ISO_8859_1 : charset, "|")) {
            for (RecordReader.Record r = reader.next(); r != null; r = reader.next()) {
                if (!r.ok() || r.fields().size() != 2 || !r.fields().get(1).trim().equals(String.valueOf(names.size()))) {
                    throw new PrepException(source.location("u.genre") + " line " + r.line()
                            + " is not 'name|index' in order; restore u.genre from the original ml-100k download or delete it to use the standard genres.");
                }
                names.add(r.fields().get(0).trim());
            }
        }
        if (names.isEmpty()) {
            throw new PrepException(source.location("u.genre") + " lists no genres; restore it from the original ml-100k download or delete it to use the standard genres.");
        }
        return names;
    }
}
