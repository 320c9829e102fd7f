package com.movierec.dataprep.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's MD5 (what GroupLens publishes) and SHA-256 (what the cache record keeps), both in lower-case hex. Both are
 * computed in the same pass so a multi-gigabyte zip is read once.
 */
record Digests(String md5, String sha256) {
    static final int BUFFER_SIZE = 64 * 1024;

    /** Both digests of a whole file. */
    static Digests of(Path file) throws IOException {
        Accumulator accumulator = new Accumulator();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                accumulator.update(buffer, n);
            }
        }
        return accumulator.finish();
    }

    /** Digests bytes as they stream past, e.g. while a download is written to disk. */
    static final class Accumulator {
        private final MessageDigest md5 = newDigest("MD5");
        private final MessageDigest sha256 = newDigest("SHA-256");

        void update(byte[] buffer, int length) {
            md5.update(buffer, 0, length);
            sha256.update(buffer, 0, length);
        }

        Digests finish() {
            HexFormat hex = HexFormat.of();
            return new Digests(hex.formatHex(md5.digest()), hex.formatHex(sha256.digest()));
        }

        private static MessageDigest newDigest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                // Every Java platform must provide MD5 and SHA-256: this is a broken JDK, not a user error.
                throw new IllegalStateException(algorithm + " is missing from this JDK", e);
            }
        }
    }
}
