package com.movierec.dataprep.download;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one-sentence errors of one {@code fetch}: each says what failed, where, and what the user can do instead, and
 * each suggests {@code --input} so a user is never stuck without a way forward.
 */
final class FailureMessages {
    private final MovieLensRelease release;
    private final URI baseUrl;
    private final Path cacheDir;
    private final boolean pinned;
    private final Duration requestTimeout;

    FailureMessages(MovieLensRelease release, URI baseUrl, Path cacheDir, boolean pinned, Duration requestTimeout) {
        this.release = release;
        this.baseUrl = baseUrl;
        this.cacheDir = cacheDir;
        this.pinned = pinned;
        this.requestTimeout = requestTimeout;
    }

    DownloadException network(IOException e) {
        // Only a pinned release can be verified offline, so only then does copying it into the cache help.
        String copy = pinned ? ", or copy it into " + cacheDir : "";
        return new DownloadException("Cannot download " + release.id() + " from " + baseUrl + " ("
                + NetworkFailure.reason(e, requestTimeout) + "); download " + release.zipName()
                + " on a connected machine and pass it with --input" + copy + ".", e);
    }

    DownloadException httpStatus(int status, URI url) {
        String advice = status >= 500
                ? "the server has a problem - try again later"
                : "GroupLens may have moved it - check " + baseUrl + " in a browser";
        return new DownloadException("Cannot download " + release.id() + ": " + url + " answered HTTP " + status
                + " (" + describe(status) + "); " + advice + ", or download " + release.zipName()
                + " yourself and pass it with --input.");
    }

    DownloadException truncated(URI url, long received, long expected) {
        return new DownloadException("The download of " + release.zipName() + " from " + url + " stopped after "
                + received + " of " + expected + " bytes; the partial file was discarded - try again, or download it"
                + " yourself and pass it with --input.");
    }

    DownloadException unverifiable(URI sidecarUrl) {
        return new DownloadException("The download of " + release.id() + " could not be verified because GroupLens"
                + " publishes no checksum at " + sidecarUrl + " and none is built in, so it was not used; download "
                + release.zipName() + " yourself and pass it with --input path/to/" + release.zipName() + ".");
    }

    DownloadException mismatch(String expectedMd5, String actualMd5) {
        return new DownloadException("Downloaded " + release.zipName() + " does not match its published checksum"
                + " (expected md5 " + expectedMd5 + ", got " + actualMd5 + "); the download was discarded - try again,"
                + " or download it yourself and pass it with --input.");
    }

    DownloadException cacheDir(IOException e) {
        return new DownloadException("Cannot use the cache directory " + cacheDir + " (" + brief(e)
                + "); choose a writable directory with --cache-dir or the MOVIEREC_CACHE_DIR environment variable.", e);
    }

    DownloadException interrupted(InterruptedException e) {
        return new DownloadException("The download of " + release.id() + " was interrupted; run the command again"
                + " to start it over.", e);
    }

    private String brief(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "a file is in the way at " + exists.getFile();
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory " + missing.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // The directory itself is already named in the sentence; only a different file is worth adding.
            boolean otherFile = fs.getFile() != null && !Path.of(fs.getFile()).equals(cacheDir);
            return NetworkFailure.briefOr(new IOException(fs.getReason()), "file system error")
                    + (otherFile ? " at " + fs.getFile() : "");
        }
        return NetworkFailure.briefOr(e, e.getClass().getSimpleName());
    }

    private static String describe(int status) {
        return switch (status) {
            case 401, 403 -> "access denied";
            case 404, 410 -> "not found";
            default -> status >= 500 ? "server error" : "unexpected answer";
        };
    }
}
