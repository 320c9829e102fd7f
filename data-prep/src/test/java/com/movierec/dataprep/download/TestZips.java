package com.movierec.dataprep.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small MovieLens-shaped zips made on the fly, and their MD5 sidecars in the forms GroupLens uses. */
final class TestZips {
    private TestZips() {
    }

    /** A zip holding {@code <release>/ratings.csv} with a few rows; {@code variant} changes the content. */
    static byte[] ratingsZip(String release, int variant) {
        String csv = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2," + variant
                + ",3.5,964982224\n";
        return zip(release + "/ratings.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip of {@code size} random (incompressible) bytes, big enough to arrive in several chunks. */
    static byte[] randomZip(String release, int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return zip(release + "/ratings.csv", content);
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form of the older releases' sidecars: {@code MD5 (ml-100k.zip) = <hex>}. */
    static String bsdSidecar(String zipName, byte[] zip) {
        return "MD5 (" + zipName + ") = " + md5(zip) + "\n";
    }

    /** The form of ml-32m's sidecar: {@code <HEX>  ml-32m.zip}. */
    static String gnuSidecar(String zipName, byte[] zip) {
        return md5(zip).toUpperCase(java.util.Locale.ROOT) + "  " + zipName + "\n";
    }

    private static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
