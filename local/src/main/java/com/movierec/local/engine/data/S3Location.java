package com.movierec.local.engine.data;

import com.movierec.local.engine.PersonalizeException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} data location, read from a local directory standing in for S3:
 * {@code <s3Root>/<bucket>/<key>}.
 */
public record S3Location(String uri, String bucket, String key) {
    /** S3's bucket naming rules, roughly: what a real import would accept. */
    private static final Pattern S3_URI = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");

    /** @throws PersonalizeException InvalidInputException when it is not an s3:// URI with a bucket and a key */
    public static S3Location parse(String uri) {
        Matcher m = uri == null ? null : S3_URI.matcher(uri);
        if (m == null || !m.matches()) {
            throw PersonalizeException.invalidInput("dataLocation must be an S3 path such as "
                    + "s3://bucket-name/folder/file.csv, not '" + uri + "'.");
        }
        return new S3Location(uri, m.group(1), m.group(2));
    }

    /** The local file; never outside {@code s3Root}, whatever the key says. */
    public Path resolve(Path s3Root) {
        Path root = s3Root.toAbsolutePath().normalize();
        Path file = root.resolve(bucket).resolve(key).normalize();
        if (!file.startsWith(root.resolve(bucket))) {
            throw PersonalizeException.invalidInput("dataLocation " + uri + " leaves its bucket.");
        }
        return file;
    }
}
