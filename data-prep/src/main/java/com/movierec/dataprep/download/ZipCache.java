package com.movierec.dataprep.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One release's place in the cache directory: {@code <zip>} plus {@code <zip>.sha256}, a record written only after
 * the zip was verified. A zip whose record matches is trusted without the network; partial downloads live in
 * {@code <zip>.part-<random>} until they are verified, so the zip itself is only ever replaced whole.
 */
final class ZipCache {
    private static final Pattern SHA256 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

    private final Path dir;
    private final Path zip;
    private final Path record;

    ZipCache(Path dir, MovieLensRelease release) {
        this.dir = dir;
        this.zip = dir.resolve(release.zipName());
        this.record = dir.resolve(release.zipName() + ".sha256");
    }

    Path zip() {
        return zip;
    }

    /**
     * True when the zip and its record exist and agree. A zip that disagrees with its record is corrupt (truncated
     * by a crash, edited by hand) and is deleted here so it is downloaded again; so is a record without its zip.
     */
    boolean hasVerifiedZip() throws IOException {
        if (!Files.isRegularFile(record)) {
            return false;
        }
        if (Files.isRegularFile(zip) && recordedSha256().equals(Optional.of(Digests.of(zip).sha256()))) {
            return true;
        }
        Files.deleteIfExists(zip);
        Files.deleteIfExists(record);
        return false;
    }

    /**
     * The digests of a zip that has no record, e.g. one the user copied in by hand; it is kept until a verified
     * download replaces it, since it may well be good.
     */
    Optional<Digests> unrecordedZip() throws IOException {
        if (Files.isRegularFile(record) || !Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        return Optional.of(Digests.of(zip));
    }

    /** Records an existing zip as verified. */
    void adopt(Digests digests) throws IOException {
        writeRecord(digests);
    }

    /** A new empty temporary file next to the zip; creating it is also the check that the directory is writable. */
    Path newPartFile() throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, zip.getFileName() + ".part-", "");
    }

    /** Moves a verified download into place, replacing any older zip, then records it. */
    void install(Path part, Digests digests) throws IOException {
        // Drop the old record first: a crash between the steps then leaves a zip without a record, which is
        // re-verified next time, never a record that vouches for the wrong zip.
        Files.deleteIfExists(record);
        move(part, zip);
        writeRecord(digests);
    }

    private void writeRecord(Digests digests) throws IOException {
        Path tmp = Files.createTempFile(dir, record.getFileName() + ".part-", "");
        try {
            // sha256sum's format, so a user can check the cache by hand with `sha256sum -c`.
            Files.writeString(tmp, digests.sha256() + "  " + zip.getFileName() + "\n", StandardCharsets.US_ASCII);
            move(tmp, record);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Optional<String> recordedSha256() throws IOException {
        if (Files.size(record) > 1024) {
            return Optional.empty();
        }
        // ISO-8859-1 decodes any bytes, so a garbled record reads as "no match" instead of failing.
        Matcher matcher = SHA256.matcher(Files.readString(record, StandardCharsets.ISO_8859_1));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            // Some file systems cannot rename atomically, or not over an existing file; a plain replace is the
            // best left, and the zip was verified before this point anyway.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
