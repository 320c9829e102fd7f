package com.movierec.infra.data;

import com.movierec.infra.SynthException;
import com.movierec.schemas.DatasetType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * data-prep's output directory as the stacks use it: which CSV files it holds and a short content hash of them, the
 * data version, which names the S3 prefix and the import jobs so that new data means new imports and a new training.
 *
 * @param directory   absolute path of the directory
 * @param dataVersion the first 12 hex digits of a SHA-256 over the CSV files' names, sizes and bytes
 * @param datasets    the dataset types present; interactions and items always, users when data-prep wrote them
 */
public record PreparedData(Path directory, String dataVersion, Set<DatasetType> datasets) {
    private static final int VERSION_LENGTH = 12;

    public PreparedData {
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("prepared data directory " + directory + " is relative: pass an "
                    + "absolute path, resolved from the repository root");
        }
        datasets = Collections.unmodifiableSet(EnumSet.copyOf(datasets));
    }

    /**
     * Reads the directory, or fails with the sentence that says how to create it.
     *
     * @param directory   absolute path of data-prep's output
     * @param displayPath the same directory as the user configured it, e.g. {@code data/prepared/ml-100k}
     */
    public static PreparedData load(Path directory, String displayPath) {
        for (DatasetType required : EnumSet.of(DatasetType.INTERACTIONS, DatasetType.ITEMS)) {
            if (!Files.isRegularFile(directory.resolve(required.csvFileName()))) {
                throw new SynthException(displayPath + " has no " + required.csvFileName() + ": run bin/run (or "
                        + "java -jar data-prep/target/data-prep.jar --input <movielens dir> --output " + displayPath
                        + ") before cdk synth.");
            }
        }
        Set<DatasetType> present = EnumSet.noneOf(DatasetType.class);
        MessageDigest digest = sha256();
        for (DatasetType type : DatasetType.values()) {
            Path csv = directory.resolve(type.csvFileName());
            if (Files.isRegularFile(csv)) {
                present.add(type);
                digest.update(type.csvFileName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(size(csv)).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, csv);
            }
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_LENGTH);
        return new PreparedData(directory.toAbsolutePath().normalize(), version, present);
    }

    public boolean has(DatasetType type) {
        return datasets.contains(type);
    }

    private static void update(MessageDigest digest, Path file) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
