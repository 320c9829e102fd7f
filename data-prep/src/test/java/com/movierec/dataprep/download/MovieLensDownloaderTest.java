package com.movierec.dataprep.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download logic end to end, against a GroupLens stand-in on 127.0.0.1: never the internet. */
class MovieLensDownloaderTest {
    private static final MovieLensRelease SMALL = MovieLensRelease.ML_LATEST_SMALL;
    private static final String SMALL_ZIP = SMALL.zipName();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path cacheDir;

    private final LocalGrouplens server = LocalGrouplens.start();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsVerifiesAndCachesTheZip() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));

        Path fetched = downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE);

        assertThat(fetched).isEqualTo(cacheDir.resolve(SMALL_ZIP)).hasBinaryContent(zip);
        assertThat(cacheDir.resolve(SMALL_ZIP + ".sha256")).isRegularFile();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void reusesVerifiedZipFromCacheWithoutNetwork() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));
        MovieLensDownloader downloader = downloader(PinnedChecksums.none());
        downloader.fetch(SMALL, DownloadListener.NONE);
        int requestsAfterFirstFetch = server.totalRequests();

        Path again = downloader.fetch(SMALL, DownloadListener.NONE);

        assertThat(again).hasBinaryContent(zip);
        assertThat(server.totalRequests()).isEqualTo(requestsAfterFirstFetch);
    }

    @Test
    void reusesVerifiedZipEvenWhenOffline() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));
        downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE);

        Path offline = downloaderAt(LocalGrouplens.closedPortUrl(), PinnedChecksums.none())
                .fetch(SMALL, DownloadListener.NONE);

        assertThat(offline).hasBinaryContent(zip);
    }

    @Test
    void redownloadsTruncatedCachedZip() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));
        MovieLensDownloader downloader = downloader(PinnedChecksums.none());
        Path cached = downloader.fetch(SMALL, DownloadListener.NONE);
        Files.write(cached, java.util.Arrays.copyOf(zip, zip.length / 2));

        Path fetched = downloader.fetch(SMALL, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(zip);
        assertThat(server.requests(SMALL_ZIP)).isEqualTo(2);
    }

    @Test
    void rejectsZipThatDoesNotMatchItsPublishedChecksum() {
        byte[] published = TestZips.ratingsZip(SMALL.id(), 1);
        byte[] served = TestZips.ratingsZip(SMALL.id(), 2);
        server.serve(SMALL_ZIP, served).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, published));

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessage("Downloaded ml-latest-small.zip does not match its published checksum (expected md5 "
                        + TestZips.md5(published) + ", got " + TestZips.md5(served) + "); the download was discarded"
                        + " - try again, or download it yourself and pass it with --input.");
        assertThat(partFiles()).isEmpty();
        assertThat(cacheDir.resolve(SMALL_ZIP)).doesNotExist();
    }

    @Test
    void keepsEarlierCachedZipWhenNewDownloadFailsVerification() throws Exception {
        byte[] earlier = TestZips.ratingsZip(SMALL.id(), 1);
        Files.write(cacheDir.resolve(SMALL_ZIP), earlier);
        byte[] current = TestZips.ratingsZip(SMALL.id(), 2);
        byte[] tampered = TestZips.ratingsZip(SMALL.id(), 3);
        server.serve(SMALL_ZIP, tampered).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, current));

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("does not match its published checksum");
        assertThat(cacheDir.resolve(SMALL_ZIP)).hasBinaryContent(earlier);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void replacesOutdatedHandCopiedZipWithVerifiedDownload() throws Exception {
        Files.write(cacheDir.resolve(SMALL_ZIP), TestZips.ratingsZip(SMALL.id(), 1));
        byte[] current = TestZips.ratingsZip(SMALL.id(), 2);
        server.serve(SMALL_ZIP, current).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, current));

        Path fetched = downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(current);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void adoptsHandCopiedZipThatMatchesItsSidecarWithoutDownloadingIt() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        Files.write(cacheDir.resolve(SMALL_ZIP), zip);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));

        Path fetched = downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(zip);
        assertThat(server.requests(SMALL_ZIP)).isZero();
        assertThat(cacheDir.resolve(SMALL_ZIP + ".sha256")).isRegularFile();
    }

    @Test
    void adoptsHandCopiedZipThatMatchesItsPinWithoutNetwork() throws Exception {
        byte[] zip = TestZips.ratingsZip("ml-100k", 1);
        Files.write(cacheDir.resolve("ml-100k.zip"), zip);
        PinnedChecksums pins = PinnedChecksums.of(Map.of(MovieLensRelease.ML_100K, TestZips.md5(zip)));

        Path fetched = downloaderAt(LocalGrouplens.closedPortUrl(), pins).fetch(MovieLensRelease.ML_100K, null);

        assertThat(fetched).hasBinaryContent(zip);
        assertThat(cacheDir.resolve("ml-100k.zip.sha256")).isRegularFile();
    }

    @Test
    void detectsPinnedChecksumMismatchEvenWhenTheSidecarAgreesWithTheZip() {
        byte[] genuine = TestZips.ratingsZip("ml-100k", 1);
        byte[] tampered = TestZips.ratingsZip("ml-100k", 666);
        server.serve("ml-100k.zip", tampered).serve("ml-100k.zip.md5", TestZips.bsdSidecar("ml-100k.zip", tampered));
        PinnedChecksums pins = PinnedChecksums.of(Map.of(MovieLensRelease.ML_100K, TestZips.md5(genuine)));

        assertThatThrownBy(() -> downloader(pins).fetch(MovieLensRelease.ML_100K, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("Downloaded ml-100k.zip does not match its published checksum (expected md5 "
                        + TestZips.md5(genuine) + ", got " + TestZips.md5(tampered) + ")");
        assertThat(cacheDir.resolve("ml-100k.zip")).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void productionPinsRejectAZipThatIsNotTheRealRelease() {
        byte[] fake = TestZips.ratingsZip("ml-100k", 1);
        server.serve("ml-100k.zip", fake).serve("ml-100k.zip.md5", TestZips.bsdSidecar("ml-100k.zip", fake));
        MovieLensDownloader production = new MovieLensDownloader(server.baseUrl(), cacheDir, client, TIMEOUT);

        assertThatThrownBy(() -> production.fetch(MovieLensRelease.ML_100K, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("expected md5 0e33842e24a9c977be4e0107933c0723");
    }

    @Test
    void verifiesAgainstThePinAloneWhenNoSidecarIsPublished() throws Exception {
        byte[] zip = TestZips.ratingsZip("ml-1m", 1);
        server.serve("ml-1m.zip", zip);
        PinnedChecksums pins = PinnedChecksums.of(Map.of(MovieLensRelease.ML_1M, TestZips.md5(zip)));

        Path fetched = downloader(pins).fetch(MovieLensRelease.ML_1M, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(zip);
        assertThat(server.requests("ml-1m.zip.md5")).isEqualTo(1);
    }

    @Test
    void acceptsTheUpperCaseGnuSidecarOfNewerReleases() throws Exception {
        byte[] zip = TestZips.ratingsZip("ml-32m", 1);
        server.serve("ml-32m.zip", zip).serve("ml-32m.zip.md5", TestZips.gnuSidecar("ml-32m.zip", zip));

        Path fetched = downloader(PinnedChecksums.none()).fetch(MovieLensRelease.ML_32M, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(zip);
    }

    @Test
    void refusesToDownloadWhatCannotBeVerified() {
        server.serve(SMALL_ZIP, TestZips.ratingsZip(SMALL.id(), 1));

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessage("The download of ml-latest-small could not be verified because GroupLens publishes no"
                        + " checksum at " + server.baseUrl() + "ml-latest-small.zip.md5 and none is built in, so it"
                        + " was not used; download ml-latest-small.zip yourself and pass it with --input"
                        + " path/to/ml-latest-small.zip.");
        assertThat(server.requests(SMALL_ZIP)).isZero();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void reportsMissingZipAsSentenceNamingStatusAndUrl() {
        server.serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, new byte[0]));

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertOneSentence(e.getMessage()))
                .hasMessageStartingWith("Cannot download ml-latest-small: " + server.baseUrl() + SMALL_ZIP
                        + " answered HTTP 404 (not found);")
                .hasMessageContaining("--input");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void reportsServerErrorAsSentenceNamingStatusAndUrl() {
        server.serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, new byte[0])).status(SMALL_ZIP, 500);

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertOneSentence(e.getMessage()))
                .hasMessageStartingWith("Cannot download ml-latest-small: " + server.baseUrl() + SMALL_ZIP
                        + " answered HTTP 500 (server error); the server has a problem - try again later");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void reportsServerErrorOnTheSidecarToo() {
        server.status(SMALL_ZIP + ".md5", 503);

        assertThatThrownBy(() -> downloader(PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(SMALL_ZIP + ".md5 answered HTTP 503 (server error)");
    }

    @Test
    void saysNoNetworkConnectionWhenTheConnectionIsRefused() {
        URI closed = LocalGrouplens.closedPortUrl();

        assertThatThrownBy(() -> downloaderAt(closed, PinnedChecksums.none()).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertOneSentence(e.getMessage()))
                .hasMessageStartingWith("Cannot download ml-latest-small from " + closed + " (no network connection: ")
                .hasMessageEndingWith("); download ml-latest-small.zip on a connected machine and pass it with"
                        + " --input.");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void offlineMessageForPinnedReleaseAlsoSuggestsCopyingIntoTheCache() {
        URI closed = LocalGrouplens.closedPortUrl();
        PinnedChecksums pins = PinnedChecksums.of(Map.of(MovieLensRelease.ML_25M, "6b51fb2759a8657d3bfcbfc42b592ada"));

        assertThatThrownBy(() -> downloaderAt(closed, pins).fetch(MovieLensRelease.ML_25M, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertOneSentence(e.getMessage()))
                .hasMessageContaining("(no network connection: ")
                .hasMessageEndingWith("download ml-25m.zip on a connected machine and pass it with --input, or copy"
                        + " it into " + cacheDir.toAbsolutePath().normalize() + ".");
    }

    @Test
    void saysNoNetworkConnectionWhenTheServerDoesNotAnswerInTime() {
        server.hang(SMALL_ZIP + ".md5");
        MovieLensDownloader impatient = new MovieLensDownloader(
                server.baseUrl(), cacheDir, client, Duration.ofMillis(500), PinnedChecksums.none());

        assertThatThrownBy(() -> impatient.fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("(no network connection: no answer within 500 ms)");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void progressListenerSeesIncreasingByteCountsEndingAtTheTotal() throws Exception {
        byte[] zip = TestZips.randomZip(SMALL.id(), 300_000, 42);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));
        List<long[]> calls = new ArrayList<>();

        downloader(PinnedChecksums.none()).fetch(SMALL, (soFar, total) -> calls.add(new long[] {soFar, total}));

        assertThat(calls).hasSizeGreaterThan(1);
        assertThat(calls).allSatisfy(call -> assertThat(call[1]).isEqualTo(zip.length));
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
        }
        assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(zip.length);
    }

    @Test
    void reportsUnusableCacheDirectoryWithoutTouchingTheNetwork() throws Exception {
        Path file = Files.writeString(cacheDir.resolve("not-a-directory"), "x");
        Path unusable = file.resolve("cache");
        server.serve(SMALL_ZIP + ".md5", "whatever");

        assertThatThrownBy(() -> downloaderIn(unusable).fetch(SMALL, DownloadListener.NONE))
                .isInstanceOf(DownloadException.class)
                .satisfies(e -> assertOneSentence(e.getMessage()))
                .hasMessageStartingWith("Cannot use the cache directory " + unusable + " (")
                .hasMessageEndingWith("); choose a writable directory with --cache-dir or the MOVIEREC_CACHE_DIR"
                        + " environment variable.");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void publicConstructorBuildsAWorkingClient() throws Exception {
        byte[] zip = TestZips.ratingsZip(SMALL.id(), 1);
        server.serve(SMALL_ZIP, zip).serve(SMALL_ZIP + ".md5", TestZips.bsdSidecar(SMALL_ZIP, zip));
        URI withoutTrailingSlash = URI.create(server.baseUrl().toString().replaceAll("/$", ""));

        Path fetched = new MovieLensDownloader(withoutTrailingSlash, cacheDir).fetch(SMALL, DownloadListener.NONE);

        assertThat(fetched).hasBinaryContent(zip);
    }

    @Test
    void pinsOnlyTheReleasesGroupLensNeverChanges() {
        PinnedChecksums pins = PinnedChecksums.grouplens();

        assertThat(pins.md5(MovieLensRelease.ML_LATEST_SMALL)).isEmpty();
        assertThat(Stream.of(MovieLensRelease.ML_100K, MovieLensRelease.ML_1M, MovieLensRelease.ML_25M,
                MovieLensRelease.ML_32M).map(pins::md5))
                .allSatisfy(md5 -> assertThat(md5).get().asString().matches("[0-9a-f]{32}"));
    }

    private MovieLensDownloader downloader(PinnedChecksums pins) {
        return downloaderAt(server.baseUrl(), pins);
    }

    private MovieLensDownloader downloaderAt(URI baseUrl, PinnedChecksums pins) {
        return new MovieLensDownloader(baseUrl, cacheDir, client, TIMEOUT, pins);
    }

    private MovieLensDownloader downloaderIn(Path dir) {
        return new MovieLensDownloader(server.baseUrl(), dir, client, TIMEOUT, PinnedChecksums.none());
    }

    private List<Path> partFiles() {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.getFileName().toString().contains(".part-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One line, one sentence, no Java internals: what the CLI prints to a user as is. */
    private static void assertOneSentence(String message) {
        assertThat(message).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ").endsWith(".");
    }
}
