package com.movierec.local.deployer.deploy.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The directory that stands in for S3, laid out as personalize-local reads it: {@code s3://bucket/key} is
 * {@code <root>/bucket/key}. Bucket names and keys are checked so nothing is written outside the root.
 */
public final class LocalS3 {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path root;

    public LocalS3(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path bucket(String name) {
        if (!BUCKET.matcher(name).matches()) {
            throw new ResourceFailure("Bucket name '" + name + "' is not valid: 3-63 lower-case letters, digits, "
                    + "dots and hyphens");
        }
        return root.resolve(name);
    }

    /** The directory of {@code prefix} (a key prefix such as {@code datasets/ml-100k/0123/}) in a bucket. */
    public Path prefix(String bucket, String prefix) {
        Path bucketDir = bucket(bucket);
        Path dir = bucketDir.resolve(prefix).normalize();
        if (!dir.startsWith(bucketDir)) {
            throw new ResourceFailure("key prefix '" + prefix + "' leaves bucket " + bucket);
        }
        return dir;
    }

    public void createBucket(String name) {
        io(() -> Files.createDirectories(bucket(name)));
    }

    /** Deletes an empty bucket; like S3, refuses one that still holds objects. */
    public void deleteBucket(String name) {
        Path dir = bucket(name);
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (!files(dir).isEmpty()) {
            throw new ResourceFailure("The bucket you tried to delete is not empty (bucket " + name + ")");
        }
        deleteTree(dir);
    }

    /** Deletes every object of a bucket, keeping the bucket: what CDK's auto-delete-objects provider does. */
    public void emptyBucket(String name) {
        emptyBucket(name, S3Caller.ANYONE);
    }

    /** As {@link #emptyBucket(String)}, listing and deleting each object as {@code caller}. */
    public void emptyBucket(String name, S3Caller caller) {
        Path dir = bucket(name);
        if (Files.isDirectory(dir)) {
            deleteObjects(name, dir, caller);
        }
    }

    /** Deletes every object under a key prefix. */
    public void deletePrefix(String bucket, String prefix) {
        deletePrefix(bucket, prefix, S3Caller.ANYONE);
    }

    /** As {@link #deletePrefix(String, String)}, listing and deleting each object as {@code caller}. */
    public void deletePrefix(String bucket, String prefix, S3Caller caller) {
        Path dir = prefix(bucket, prefix);
        if (Files.isDirectory(dir)) {
            deleteObjects(bucket, dir, caller);
        }
    }

    /** ListObjectsV2, then DeleteObject for each object under {@code dir}; empty folders go with them. */
    private void deleteObjects(String bucket, Path dir, S3Caller caller) {
        caller.require("ListObjectsV2", "s3:ListBucket", bucket, null);
        for (Path file : files(dir)) {
            caller.require("DeleteObject", "s3:DeleteObject", bucket, key(bucket, file));
            io(() -> Files.delete(file));
        }
        if (!dir.equals(bucket(bucket))) {
            deleteTree(dir);
        } else {
            io(() -> {
                try (Stream<Path> children = Files.list(dir)) {
                    children.forEach(LocalS3::deleteTree);
                }
            });
        }
    }

    /** An object's key: its path under the bucket's directory, with forward slashes. */
    private String key(String bucket, Path file) {
        return bucket(bucket).relativize(file).toString().replace('\\', '/');
    }

    /**
     * Copies a directory's files, or a zip's entries, under a prefix; with {@code prune}, deletes the objects under
     * the prefix that the sources do not have, as {@code aws s3 sync --delete} does for a BucketDeployment.
     */
    public void sync(List<Path> sources, String bucket, String prefix, boolean prune) {
        sync(sources, bucket, prefix, prune, S3Caller.ANYONE);
    }

    /** As above, each PutObject, ListObjectsV2 and DeleteObject made as {@code caller}. */
    public void sync(List<Path> sources, String bucket, String prefix, boolean prune, S3Caller caller) {
        Path target = prefix(bucket, prefix);
        Set<Path> written = new HashSet<>();
        io(() -> Files.createDirectories(target));
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                copyDirectory(source, target, written, destination -> caller.require("PutObject", "s3:PutObject",
                        bucket, key(bucket, destination)));
            } else {
                extractZip(source, target, written, destination -> caller.require("PutObject", "s3:PutObject",
                        bucket, key(bucket, destination)));
            }
        }
        if (prune) {
            caller.require("ListObjectsV2", "s3:ListBucket", bucket, null);
            for (Path file : files(target).stream().filter(file -> !written.contains(file)).toList()) {
                caller.require("DeleteObject", "s3:DeleteObject", bucket, key(bucket, file));
                deleteTree(file);
            }
        }
    }

    private static void copyDirectory(Path source, Path target, Set<Path> written,
                                      java.util.function.Consumer<Path> beforeWrite) {
        for (Path file : files(source)) {
            Path destination = target.resolve(source.relativize(file).toString()).normalize();
            beforeWrite.accept(destination);
            io(() -> {
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            });
            written.add(destination);
        }
    }

    private static void extractZip(Path zip, Path target, Set<Path> written,
                                   java.util.function.Consumer<Path> beforeWrite) {
        io(() -> {
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path destination = target.resolve(entry.getName()).normalize();
                    if (!destination.startsWith(target)) {
                        throw new ResourceFailure("zip entry " + entry.getName() + " of " + zip + " leaves the prefix");
                    }
                    if (!entry.isDirectory()) {
                        beforeWrite.accept(destination);
                        Files.createDirectories(destination.getParent());
                        Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                        written.add(destination);
                    }
                }
            }
        });
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
