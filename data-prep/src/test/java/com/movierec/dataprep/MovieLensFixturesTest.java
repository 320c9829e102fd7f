package com.movierec.dataprep;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.input.MovieLensFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fixture builder writes what the real releases look like, so the other tests test the real layouts. */
class MovieLensFixturesTest {
    @TempDir
    Path tmp;

    private static String text(Fixture fx, String file) {
        return new String(fx.bytes(file), fx.charset());
    }

    @Test
    void ml100kLooksLikeTheRealRelease() {
        Fixture fx = MovieLensFixtures.ml100k().users(3).ratingsPerUser(2).movies(4).title(1, "Café (1995)").build();

        assertThat(fx.fileNames()).containsExactly("u.data", "u.item", "u.user", "u.genre");
        // u.data is tab-separated and, like the real one, not grouped by user.
        assertThat(text(fx, "u.data").lines().toList()).containsExactly(
                "1\t1\t4\t874100000", "2\t4\t2\t874200000", "3\t3\t5\t874300000",
                "1\t2\t5\t874100037", "2\t1\t3\t874200037", "3\t4\t1\t874300037");
        assertThat(fx.bytes("u.item")).contains((byte) 0xE9);
        assertThat(text(fx, "u.item").lines().findFirst().orElseThrow())
                .isEqualTo("1|Café (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Café+(1995)|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0"); // Adventure
        assertThat(text(fx, "u.item").lines().toList()).allSatisfy(l -> assertThat(l.split("\\|", -1)).hasSize(24));
        assertThat(text(fx, "u.user")).startsWith("1|25|M|other|10037\n");
        assertThat(text(fx, "u.genre")).startsWith("unknown|0\nAction|1\n").endsWith("Western|18\n\n");
    }

    @Test
    void ml1mLooksLikeTheRealRelease() {
        Fixture fx = MovieLensFixtures.ml1m().users(2).ratingsPerUser(2).movies(3).genres(3).build();

        assertThat(fx.fileNames()).containsExactly("ratings.dat", "movies.dat", "users.dat");
        assertThat(text(fx, "ratings.dat")).isEqualTo(
                "1::1::4::956800000\n1::2::5::956800037\n2::2::2::956900000\n2::3::3::956900037\n");
        assertThat(text(fx, "movies.dat")).startsWith("1::Movie 1 (1967)::Adventure\n").endsWith("3::Movie 3 (1981)::\n");
        assertThat(text(fx, "users.dat")).isEqualTo("1::M::18::1::10037\n2::M::25::2::10074\n");
    }

    @Test
    void mlLatestLooksLikeTheRealRelease() {
        Fixture fx = MovieLensFixtures.mlLatest().users(2).ratingsPerUser(2).movies(3)
                .title(2, "Great \"Escape\", The (1963)").genres(3).build();

        assertThat(fx.fileNames()).containsExactly("ratings.csv", "movies.csv");
        assertThat(text(fx, "ratings.csv")).isEqualTo("userId,movieId,rating,timestamp\n"
                + "1,1,1.0,1100100000\n1,2,1.5,1100100037\n2,2,1.5,1100200000\n2,3,2.0,1100200037\n");
        assertThat(text(fx, "movies.csv")).isEqualTo("movieId,title,genres\n"
                + "1,Movie 1 (1967),Adventure\n"
                + "2,\"Great \"\"Escape\"\", The (1963)\",Animation\n"
                + "3,Movie 3 (1981),(no genres listed)\n");
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void generatesNUsersTimesMRatings(MovieLensFormat format) {
        Fixture fx = MovieLensFixtures.of(format).users(7).ratingsPerUser(11).movies(13).build();

        assertThat(fx.ratings()).hasSize(77);
        assertThat(fx.movies()).hasSize(13);
        assertThat(fx.users()).hasSize(format.usersFile() == null ? 0 : 7);
        assertThat(fx.lineCount(fx.ratingsFile())).isEqualTo(77 + (format.hasHeader() ? 1 : 0));
        assertThat(fx.ratings().stream().map(r -> r.userId() + "/" + r.movieId()).distinct()).hasSize(77);
    }

    @ParameterizedTest
    @EnumSource(MovieLensFormat.class)
    void zipHasTheGroupLensTopLevelFolder(MovieLensFormat format) throws Exception {
        Fixture fx = MovieLensFixtures.of(format).build();

        Path zip = fx.zipTo(tmp);

        assertThat(zip.getFileName().toString()).isEqualTo(fx.releaseName() + ".zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).first().isEqualTo(fx.releaseName() + "/");
            assertThat(names).contains(fx.releaseName() + "/" + format.ratingsFile(), fx.releaseName() + "/" + format.moviesFile());
            assertThat(z.getInputStream(z.getEntry(fx.releaseName() + "/" + format.ratingsFile())).readAllBytes())
                    .isEqualTo(fx.bytes(format.ratingsFile()));
        }
    }

    @Test
    void writesTheDirectoryUnderTheReleaseName() throws Exception {
        Fixture fx = MovieLensFixtures.ml1m().build();

        Path dir = fx.writeTo(tmp);

        assertThat(dir).isEqualTo(tmp.resolve("ml-1m"));
        assertThat(dir.resolve("ratings.dat")).hasBinaryContent(fx.bytes("ratings.dat"));
        assertThat(Files.list(dir).count()).isEqualTo(3);
    }

    @Test
    void lineNumbersCountPhysicalLinesIncludingHeadersAndLineBreaksInTitles() {
        Fixture fx = MovieLensFixtures.mlLatest().users(2).ratingsPerUser(2).movies(3).title(2, "Two\nLines (1999)").build();

        assertThat(fx.lineCount("movies.csv")).isEqualTo(5);
        assertThat(fx.appendLine("movies.csv", "4,Four (2000),Drama")).isEqualTo(6);
        assertThat(fx.appendRating("3", "1", "4.0", 1L)).isEqualTo(6);
        assertThat(fx.line("movies.csv", 3)).isEqualTo("2,\"Two\nLines (1999)\",Animation");
        assertThat(fx.line("movies.csv", 5)).isEqualTo("3,Movie 3 (1981),Children's|Fantasy");
        fx.insertLine("movies.csv", 2, "0,Zero (1990),Drama");
        assertThat(fx.line("movies.csv", 2)).isEqualTo("0,Zero (1990),Drama");
        assertThat(fx.line("movies.csv", 6)).isEqualTo("3,Movie 3 (1981),Children's|Fantasy");
        assertThat(fx.lineCount("movies.csv")).isEqualTo(7);
    }

    @Test
    void byteOrderMarkAndCrlfAreAppliedToEveryGeneratedFile() {
        Fixture fx = MovieLensFixtures.mlLatest().users(1).ratingsPerUser(1).movies(1).title(1, "A\nB (1999)").build()
                .withByteOrderMark().withCrlf();

        assertThat(fx.bytes("ratings.csv")).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(fx.bytes("movies.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFmovieId,title,genres\r\n1,\"A\r\nB (1999)\",Adventure\r\n");
    }
}
