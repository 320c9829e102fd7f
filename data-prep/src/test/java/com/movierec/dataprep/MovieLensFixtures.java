package com.movierec.dataprep;

import com.movierec.dataprep.input.MovieLensFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small, deterministic MovieLens-shaped releases made on the fly in the three layouts GroupLens has published
 * (ml-100k, ml-1m, ml-latest), as a directory or as the GroupLens zip with its top-level folder. No MovieLens file is
 * ever copied: every row is generated here from N users x M ratings, and tests inject the bad rows they need.
 *
 * <p>The generated model ({@link Fixture#movies()}, {@link Fixture#users()}, {@link Fixture#ratings()}) is what the
 * files hold before any injection, so tests can build the expected CSVs from it.
 */
public final class MovieLensFixtures {

    /** ml-100k's genre columns in order (as its u.genre lists them); index 0 is "unknown". */
    public static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** ml-1m's occupation codes, from its README. */
    public static final List<String> ML1M_OCCUPATIONS = List.of("other", "academic/educator", "artist",
            "clerical/admin", "college/grad student", "customer service", "doctor/health care",
            "executive/managerial", "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired",
            "sales/marketing", "scientist", "self-employed", "technician/engineer", "tradesman/craftsman",
            "unemployed", "writer");

    /** ml-1m's age bands (lower bounds), from its README. */
    public static final List<Integer> ML1M_AGE_BANDS = List.of(1, 18, 25, 35, 45, 50, 56);

    private static final List<String> ML100K_OCCUPATIONS = List.of("technician", "other", "writer", "executive",
            "administrator", "student", "lawyer", "educator", "scientist", "entertainment");

    private MovieLensFixtures() {
    }

    public static Builder ml100k() {
        return new Builder(MovieLensFormat.ML_100K);
    }

    public static Builder ml1m() {
        return new Builder(MovieLensFormat.ML_1M);
    }

    public static Builder mlLatest() {
        return new Builder(MovieLensFormat.ML_LATEST);
    }

    public static Builder of(MovieLensFormat format) {
        return new Builder(format);
    }

    /**
     * One movie as the fixture writes it.
     *
     * @param genres      ml-100k genre names, in u.genre order; empty means none ("(no genres listed)" in ml-latest,
     *                    the unknown flag in ml-100k)
     * @param releaseDate ml-100k's release date column, e.g. 01-Jan-1995; ignored by the other layouts
     */
    public record Movie(String id, String title, List<String> genres, String releaseDate) {
    }

    /**
     * One user as the fixture writes it.
     *
     * @param age        years (ml-100k) or the age band's lower bound (ml-1m)
     * @param occupation the occupation's name as users.csv should hold it
     * @param code       ml-1m's occupation code, -1 for ml-100k
     */
    public record User(String id, int age, String gender, String occupation, int code) {
    }

    /** One rating as the fixture writes it; {@code rating} is the text in the file, e.g. "4" or "3.5". */
    public record Rating(String userId, String movieId, String rating, long timestamp) {
    }

    /** Sizes and overrides; {@link #build()} generates the rows. */
    public static final class Builder {
        private final MovieLensFormat format;
        private int users = 30;
        private int ratingsPerUser = 40;
        private int movies = 50;
        private Boolean grouped;
        private boolean usersFile = true;
        private boolean genreFile = true;
        private final Map<Integer, Movie> overrides = new TreeMap<>();

        private Builder(MovieLensFormat format) {
            this.format = format;
        }

        public Builder users(int n) {
            users = n;
            return this;
        }

        public Builder ratingsPerUser(int n) {
            ratingsPerUser = n;
            return this;
        }

        /** Movies 1..n; each user rates distinct ones, so ratingsPerUser must not exceed this. */
        public Builder movies(int n) {
            movies = n;
            return this;
        }

        /**
         * Whether the ratings are grouped by user, as every GroupLens ratings file but ml-100k's u.data is. The
         * default follows the real release: ungrouped for ml-100k, grouped otherwise.
         */
        public Builder groupedByUser(boolean value) {
            grouped = value;
            return this;
        }

        /** Leaves out u.user / users.dat. */
        public Builder withoutUsersFile() {
            usersFile = false;
            return this;
        }

        /** Leaves out ml-100k's u.genre (data-prep then uses the standard genre columns). */
        public Builder withoutGenreFile() {
            genreFile = false;
            return this;
        }

        /** Replaces movie {@code id}'s title (and, for ml-100k, derives the release date from its year, if any). */
        public Builder title(int id, String title) {
            Movie m = movie(id);
            overrides.put(id, new Movie(m.id(), title, m.genres(), dateFromTitle(title)));
            return this;
        }

        /** Replaces movie {@code id}'s genres; names from {@link #GENRES}, none for "no genres". */
        public Builder genres(int id, String... genres) {
            for (String g : genres) {
                if (!GENRES.contains(g)) {
                    throw new IllegalArgumentException("not an ml-100k genre: " + g);
                }
            }
            Movie m = movie(id);
            List<String> sorted = new ArrayList<>(List.of(genres));
            sorted.sort(Comparator.comparingInt(GENRES::indexOf));
            overrides.put(id, new Movie(m.id(), m.title(), List.copyOf(sorted), m.releaseDate()));
            return this;
        }

        /** Replaces ml-100k's release date column of movie {@code id} ("" for none). */
        public Builder releaseDate(int id, String date) {
            Movie m = movie(id);
            overrides.put(id, new Movie(m.id(), m.title(), m.genres(), date));
            return this;
        }

        private Movie movie(int id) {
            if (id < 1 || id > movies) {
                throw new IllegalArgumentException("movie " + id + " is not among 1.." + movies + "; set movies() first");
            }
            return overrides.getOrDefault(id, defaultMovie(id));
        }

        public Fixture build() {
            if (ratingsPerUser > movies) {
                throw new IllegalArgumentException("each user rates distinct movies: ratingsPerUser <= movies");
            }
            List<Movie> movieList = new ArrayList<>();
            for (int i = 1; i <= movies; i++) {
                movieList.add(overrides.getOrDefault(i, defaultMovie(i)));
            }
            List<User> userList = new ArrayList<>();
            for (int u = 1; u <= users; u++) {
                userList.add(user(u));
            }
            List<Rating> ratings = ratings();
            return new Fixture(format, movieList, format.usersFile() != null && usersFile ? userList : List.of(),
                    ratings, genreFile);
        }

        private Movie defaultMovie(int i) {
            int year = 1960 + (i * 7) % 45;
            List<String> genres = new ArrayList<>();
            genres.add(GENRES.get(1 + i % 18));
            if (i % 3 == 0) {
                String second = GENRES.get(1 + (i + 5) % 18);
                if (!genres.contains(second)) {
                    genres.add(second);
                }
            }
            genres.sort(Comparator.comparingInt(GENRES::indexOf));
            String title = "Movie " + i + " (" + year + ")";
            return new Movie(String.valueOf(i), title, List.copyOf(genres), dateFromTitle(title));
        }

        private User user(int u) {
            String gender = u % 3 == 0 ? "F" : "M";
            if (format == MovieLensFormat.ML_1M) {
                int code = u % 21;
                return new User(String.valueOf(u), ML1M_AGE_BANDS.get(u % 7), gender, ML1M_OCCUPATIONS.get(code), code);
            }
            return new User(String.valueOf(u), 18 + (u * 7) % 50, gender, ML100K_OCCUPATIONS.get(u % 10), -1);
        }

        private List<Rating> ratings() {
            long base = switch (format) {
                case ML_100K -> 874_000_000L;
                case ML_1M -> 956_700_000L;
                case ML_LATEST -> 1_100_000_000L;
            };
            List<List<Rating>> perUser = new ArrayList<>();
            for (int u = 1; u <= users; u++) {
                List<Rating> mine = new ArrayList<>();
                for (int j = 0; j < ratingsPerUser; j++) {
                    int movie = ((u - 1) * 7 + j) % movies + 1;
                    mine.add(new Rating(String.valueOf(u), String.valueOf(movie), ratingText(u, j),
                            base + u * 100_000L + j * 37L));
                }
                if (format == MovieLensFormat.ML_LATEST) {
                    mine.sort(Comparator.comparingInt(r -> Integer.parseInt(r.movieId())));
                }
                perUser.add(mine);
            }
            List<Rating> out = new ArrayList<>();
            boolean byUser = grouped != null ? grouped : format != MovieLensFormat.ML_100K;
            if (byUser) {
                perUser.forEach(out::addAll);
            } else {
                for (int j = 0; j < ratingsPerUser; j++) {
                    for (List<Rating> mine : perUser) {
                        out.add(mine.get(j));
                    }
                }
            }
            return out;
        }

        private String ratingText(int u, int j) {
            if (format == MovieLensFormat.ML_LATEST) {
                int halves = (u + j) % 10 + 1;
                return String.format(Locale.ROOT, "%.1f", halves / 2.0);
            }
            return String.valueOf(1 + (u * 3 + j) % 5);
        }

        private static String dateFromTitle(String title) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d{4})\\)\\s*$").matcher(title);
            return m.find() ? "01-Jan-" + m.group(1) : "";
        }
    }

    /**
     * The files of one generated release, editable line by line before they are written. Line numbers are 1-based
     * physical lines, as a text editor (and data-prep's report) counts them, headers included.
     */
    public static final class Fixture {
        private final MovieLensFormat format;
        private final List<Movie> movies;
        private final List<User> users;
        private final List<Rating> ratings;
        private final Map<String, List<byte[]>> files = new LinkedHashMap<>();
        private final Map<String, byte[]> rawFiles = new LinkedHashMap<>();
        private boolean byteOrderMark;
        private boolean crlf;
        private String releaseName;

        private Fixture(MovieLensFormat format, List<Movie> movies, List<User> users, List<Rating> ratings,
                        boolean genreFile) {
            this.format = format;
            this.movies = List.copyOf(movies);
            this.users = List.copyOf(users);
            this.ratings = List.copyOf(ratings);
            this.releaseName = switch (format) {
                case ML_100K -> "ml-100k";
                case ML_1M -> "ml-1m";
                case ML_LATEST -> "ml-latest-small";
            };
            files.put(format.ratingsFile(), ratingLines());
            files.put(format.moviesFile(), movieLines());
            if (!users.isEmpty()) {
                files.put(format.usersFile(), userLines());
            }
            if (format == MovieLensFormat.ML_100K && genreFile) {
                List<byte[]> genres = new ArrayList<>();
                for (int i = 0; i < GENRES.size(); i++) {
                    genres.add(encode(GENRES.get(i) + "|" + i));
                }
                genres.add(new byte[0]); // the real u.genre ends with a blank line
                files.put("u.genre", genres);
            }
        }

        public MovieLensFormat format() {
            return format;
        }

        /** The folder name GroupLens uses, e.g. ml-1m; also the directory and zip name this fixture is written as. */
        public String releaseName() {
            return releaseName;
        }

        public Fixture releaseName(String name) {
            releaseName = name;
            return this;
        }

        public List<Movie> movies() {
            return movies;
        }

        public List<User> users() {
            return users;
        }

        public List<Rating> ratings() {
            return ratings;
        }

        public String ratingsFile() {
            return format.ratingsFile();
        }

        public String moviesFile() {
            return format.moviesFile();
        }

        public String usersFile() {
            return format.usersFile();
        }

        /** The charset of the layout: ISO-8859-1 for ml-100k and ml-1m, UTF-8 for ml-latest. */
        public Charset charset() {
            return format.charset();
        }

        // ---- editing -------------------------------------------------------------------------------------------

        /** Appends a line of text (encoded in the layout's charset) and returns its line number. */
        public int appendLine(String file, String line) {
            return appendBytes(file, encode(line));
        }

        /** Appends a line given as raw bytes (e.g. invalid UTF-8) and returns its line number. */
        public int appendBytes(String file, byte[] line) {
            List<byte[]> lines = lines(file);
            lines.add(line);
            return lineNumberOfEntry(file, lines.size() - 1);
        }

        /** Appends a data row in the layout's own syntax, e.g. {@code rating("7", "12", "4", 978300760)}. */
        public int appendRating(String userId, String movieId, String rating, long timestamp) {
            String sep = format.separator();
            return appendLine(ratingsFile(), userId + sep + movieId + sep + rating + sep + timestamp);
        }

        /** Inserts a line so that it becomes line {@code lineNumber}; later lines move down. */
        public Fixture insertLine(String file, int lineNumber, String line) {
            List<byte[]> lines = lines(file);
            lines.add(entryIndexOfLine(file, lineNumber), encode(line));
            return this;
        }

        /** Replaces the entry starting at line {@code lineNumber}. */
        public Fixture replaceLine(String file, int lineNumber, String line) {
            lines(file).set(entryIndexOfLine(file, lineNumber), encode(line));
            return this;
        }

        /** The text of the entry starting at line {@code lineNumber}, decoded in the layout's charset. */
        public String line(String file, int lineNumber) {
            return new String(lines(file).get(entryIndexOfLine(file, lineNumber)), charset());
        }

        /** Number of physical lines the file has so far (a title with a line break inside counts twice). */
        public int lineCount(String file) {
            List<byte[]> lines = lines(file);
            return lines.isEmpty() ? 0 : lineNumberOfEntry(file, lines.size() - 1) + newlines(lines.get(lines.size() - 1));
        }

        /** Replaces a whole file with raw bytes (garbage, UTF-16, an empty file...). */
        public Fixture replaceFile(String file, byte[] content) {
            files.remove(file);
            rawFiles.put(file, content.clone());
            return this;
        }

        public Fixture removeFile(String file) {
            files.remove(file);
            rawFiles.remove(file);
            return this;
        }

        /** Adds a file the release does not have (e.g. an ml-latest ratings.csv beside an ml-100k u.data). */
        public Fixture addFile(String file, byte[] content) {
            rawFiles.put(file, content.clone());
            return this;
        }

        /** Starts every generated file with a UTF-8 byte order mark, as Windows tools like to. */
        public Fixture withByteOrderMark() {
            byteOrderMark = true;
            return this;
        }

        /** Ends every line of the generated files with CRLF. */
        public Fixture withCrlf() {
            crlf = true;
            return this;
        }

        // ---- output --------------------------------------------------------------------------------------------

        public List<String> fileNames() {
            List<String> names = new ArrayList<>(files.keySet());
            names.addAll(rawFiles.keySet());
            return names;
        }

        /** The bytes of {@code file} as they will be written. */
        public byte[] bytes(String file) {
            if (rawFiles.containsKey(file)) {
                return rawFiles.get(file).clone();
            }
            List<byte[]> lines = files.get(file);
            if (lines == null) {
                throw new IllegalArgumentException(file + " is not in this fixture");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (byteOrderMark) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            byte[] eol = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
            for (byte[] line : lines) {
                for (byte b : line) {
                    if (b == '\n') {
                        out.writeBytes(eol);
                    } else {
                        out.write(b);
                    }
                }
                out.writeBytes(eol);
            }
            return out.toByteArray();
        }

        /** Writes the files into {@code parent/<releaseName>} and returns that directory. */
        public Path writeTo(Path parent) {
            return writeFilesInto(parent.resolve(releaseName));
        }

        /** Writes the files directly into {@code dir}. */
        public Path writeFilesInto(Path dir) {
            try {
                Files.createDirectories(dir);
                for (String name : fileNames()) {
                    Files.write(dir.resolve(name), bytes(name));
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes {@code parent/<releaseName>.zip} the way GroupLens packs it: every file under {@code <releaseName>/}. */
        public Path zipTo(Path parent) {
            return zip(parent.resolve(releaseName + ".zip"), releaseName + "/");
        }

        /** Writes a zip at {@code file} with every entry under {@code folder} ("" for no folder). */
        public Path zip(Path file, String folder) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
                    if (!folder.isEmpty()) {
                        ZipEntry dir = new ZipEntry(folder);
                        dir.setTime(0);
                        zip.putNextEntry(dir);
                        zip.closeEntry();
                    }
                    for (String name : fileNames()) {
                        ZipEntry entry = new ZipEntry(folder + name);
                        entry.setTime(0);
                        zip.putNextEntry(entry);
                        zip.write(bytes(name));
                        zip.closeEntry();
                    }
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // ---- generation ----------------------------------------------------------------------------------------

        private List<byte[]> ratingLines() {
            List<byte[]> out = new ArrayList<>();
            if (format.hasHeader()) {
                out.add(encode("userId,movieId,rating,timestamp"));
            }
            String sep = format.separator();
            for (Rating r : ratings) {
                out.add(encode(r.userId() + sep + r.movieId() + sep + r.rating() + sep + r.timestamp()));
            }
            return out;
        }

        private List<byte[]> movieLines() {
            List<byte[]> out = new ArrayList<>();
            switch (format) {
                case ML_100K -> {
                    for (Movie m : movies) {
                        StringBuilder sb = new StringBuilder();
                        sb.append(m.id()).append('|').append(m.title()).append('|').append(m.releaseDate())
                                .append("||http://us.imdb.com/M/title-exact?").append(m.title().replace(' ', '+'));
                        for (String g : GENRES) {
                            boolean on = m.genres().contains(g) || (m.genres().isEmpty() && g.equals("unknown"));
                            sb.append('|').append(on ? '1' : '0');
                        }
                        out.add(encode(sb.toString()));
                    }
                }
                case ML_1M -> {
                    for (Movie m : movies) {
                        out.add(encode(m.id() + "::" + m.title() + "::" + String.join("|", m.genres())));
                    }
                }
                case ML_LATEST -> {
                    out.add(encode("movieId,title,genres"));
                    for (Movie m : movies) {
                        String genres = m.genres().isEmpty() ? "(no genres listed)" : String.join("|", m.genres());
                        out.add(encode(m.id() + "," + csv(m.title()) + "," + csv(genres)));
                    }
                }
            }
            return out;
        }

        private List<byte[]> userLines() {
            List<byte[]> out = new ArrayList<>();
            for (User u : users) {
                String zip = String.format(Locale.ROOT, "%05d", 10_000 + Integer.parseInt(u.id()) * 37);
                out.add(encode(format == MovieLensFormat.ML_1M
                        ? u.id() + "::" + u.gender() + "::" + u.age() + "::" + u.code() + "::" + zip
                        : u.id() + "|" + u.age() + "|" + u.gender() + "|" + u.occupation() + "|" + zip));
            }
            return out;
        }

        /** RFC 4180 quoting, as GroupLens' movies.csv has it: only where a comma, quote or line break needs it. */
        public static String csv(String value) {
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                return "\"" + value.replace("\"", "\"\"") + "\"";
            }
            return value;
        }

        private byte[] encode(String text) {
            return text.getBytes(format.charset());
        }

        private List<byte[]> lines(String file) {
            List<byte[]> lines = files.get(file);
            if (lines == null) {
                throw new IllegalArgumentException(file + " is not a generated file of this fixture (raw or removed?)");
            }
            return lines;
        }

        private int lineNumberOfEntry(String file, int index) {
            List<byte[]> lines = lines(file);
            int line = 1;
            for (int i = 0; i < index; i++) {
                line += 1 + newlines(lines.get(i));
            }
            return line;
        }

        private int entryIndexOfLine(String file, int lineNumber) {
            List<byte[]> lines = lines(file);
            int line = 1;
            for (int i = 0; i <= lines.size(); i++) {
                if (line == lineNumber) {
                    return i;
                }
                if (i < lines.size()) {
                    line += 1 + newlines(lines.get(i));
                }
            }
            throw new IllegalArgumentException(file + " has no entry starting at line " + lineNumber);
        }

        private static int newlines(byte[] line) {
            int n = 0;
            for (byte b : line) {
                if (b == '\n') {
                    n++;
                }
            }
            return n;
        }
    }

    /** Bytes of a text in ISO-8859-1, for asserting on Latin-1 inputs. */
    public static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
