package com.movierec.dataprep.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fetches a MovieLens zip from GroupLens into a cache directory, verifies it, and reuses it on later runs without
 * touching the network.
 *
 * <p>Verification: the MD5 GroupLens publishes next to each zip ({@code <zip>.md5}) and, for releases that never
 * change, an MD5 built into this program. A download that fails either check is discarded. A download goes to a
 * temporary file first, so a good cached zip is never destroyed by a failed one.
 */
public final class MovieLensDownloader {
    public static final URI GROUPLENS = URI.create("https://files.grouplens.org/datasets/movielens/");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    // Only the wait for the response headers: the zip itself may take many minutes to arrive.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final Path cacheDir;
    private final HttpSource http;
    private final Duration requestTimeout;
    private final PinnedChecksums pins;

    public MovieLensDownloader(URI baseUrl, Path cacheDir) {
        this(baseUrl, cacheDir, defaultClient(), REQUEST_TIMEOUT);
    }

    /** For tests: a client and timeout of the caller's choosing. */
    public MovieLensDownloader(URI baseUrl, Path cacheDir, HttpClient client, Duration requestTimeout) {
        this(baseUrl, cacheDir, client, requestTimeout, PinnedChecksums.grouplens());
    }

    /** For tests only: a pin table other than the production one. */
    MovieLensDownloader(URI baseUrl, Path cacheDir, HttpClient client, Duration requestTimeout, PinnedChecksums pins) {
        this.baseUrl = withTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath().normalize();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = new HttpSource(Objects.requireNonNull(client, "client"), requestTimeout);
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    /** $MOVIEREC_CACHE_DIR if set, else $XDG_CACHE_HOME/movierec/movielens, else ~/.cache/movierec/movielens. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System::getenv, System.getProperty("user.home"));
    }

    static Path defaultCacheDir(Function<String, String> env, String home) {
        String explicit = env.apply("MOVIEREC_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "movierec", "movielens");
        }
        return Path.of(home, ".cache", "movierec", "movielens");
    }

    /** The verified zip of {@code release} in the cache, downloading it first unless a verified copy is there. */
    public Path fetch(MovieLensRelease release, DownloadListener listener) throws DownloadException {
        Objects.requireNonNull(release, "release");
        DownloadListener progress = listener == null ? DownloadListener.NONE : listener;
        Optional<String> pin = pins.md5(release);
        FailureMessages say = new FailureMessages(release, baseUrl, cacheDir, pin.isPresent(), requestTimeout);
        ZipCache cache = new ZipCache(cacheDir, release);

        Optional<Digests> unrecorded;
        try {
            if (cache.hasVerifiedZip()) {
                return cache.zip();
            }
            unrecorded = cache.unrecordedZip();
            // A hand-copied zip that matches the built-in MD5 is as good as a download, and needs no network.
            if (unrecorded.isPresent() && pin.isPresent() && pin.get().equals(unrecorded.get().md5())) {
                cache.adopt(unrecorded.get());
                return cache.zip();
            }
        } catch (IOException e) {
            throw say.cacheDir(e);
        }

        Path part = newPartFile(cache, say);
        try {
            URI sidecarUrl = baseUrl.resolve(release.zipName() + ".md5");
            Optional<String> published = http.publishedMd5(sidecarUrl, say);
            if (published.isEmpty() && pin.isEmpty()) {
                throw say.unverifiable(sidecarUrl);
            }
            if (unrecorded.isPresent() && matches(unrecorded.get(), pin, published)) {
                cache.adopt(unrecorded.get());
                return cache.zip();
            }
            Digests downloaded = http.download(baseUrl.resolve(release.zipName()), part, progress, say);
            verify(downloaded, pin, say);
            verify(downloaded, published, say);
            cache.install(part, downloaded);
            return cache.zip();
        } catch (IOException e) {
            throw say.cacheDir(e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static Path newPartFile(ZipCache cache, FailureMessages say) throws DownloadException {
        try {
            return cache.newPartFile();
        } catch (IOException e) {
            throw say.cacheDir(e);
        }
    }

    private static boolean matches(Digests digests, Optional<String> pin, Optional<String> published) {
        return pin.map(digests.md5()::equals).orElse(true) && published.map(digests.md5()::equals).orElse(true);
    }

    private static void verify(Digests downloaded, Optional<String> expected, FailureMessages say)
            throws DownloadException {
        if (expected.isPresent() && !expected.get().equals(downloaded.md5())) {
            throw say.mismatch(expected.get(), downloaded.md5());
        }
    }

    private static void deleteQuietly(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // Best effort: a leftover .part file wastes space but never passes for a verified zip.
        }
    }

    private static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                // One large file over one connection: HTTP/2 adds flow-control overhead and nothing else here.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static URI withTrailingSlash(URI uri) {
        // URI.resolve drops the last path segment of a base without a trailing slash.
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
