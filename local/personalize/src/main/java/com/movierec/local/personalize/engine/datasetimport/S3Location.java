package com.movierec.local.personalize.engine.datasetimport;

import com.movierec.local.personalize.engine.PersonalizeException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} data location, read from a local directory standing in for S3:
 * {@code <s3Root>/<bucket>/<key>}.
 */
public record S3Location(String uri, String bucket, String key) {
    /** S3's bucket naming rules, roughly: what a real import would accept. */
    private static final String BUCKET = "([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])";
    private static final Pattern S3_URI = Pattern.compile("s3://" + BUCKET + "/(.+)");
    private static final Pattern S3_FOLDER = Pattern.compile("s3://" + BUCKET + "(?:/(.*))?");

    /** @throws PersonalizeException InvalidInputException when it is not an s3:// URI with a bucket and a key */
    public static S3Location parse(String uri) {
        return parse("dataLocation", uri, "s3://bucket-name/folder/file.csv");
    }

    /**
     * The object at {@code uri}, given in the request's {@code field}.
     *
     * @throws PersonalizeException InvalidInputException when it is not an s3:// URI with a bucket and a key
     */
    public static S3Location parse(String field, String uri, String example) {
        Matcher m = uri == null ? null : S3_URI.matcher(uri);
        if (m == null || !m.matches()) {
            throw PersonalizeException.invalidInput(field + " must be an S3 path such as " + example + ", not '"
                    + uri + "'.");
        }
        return new S3Location(uri, m.group(1), m.group(2));
    }

    /**
     * The object {@code fileName} in the folder {@code folderUri} ({@code s3://bucket/} or {@code s3://bucket/prefix},
     * with or without the closing slash), given in the request's {@code field}.
     *
     * @throws PersonalizeException InvalidInputException when it is not an s3:// URI with a bucket
     */
    public static S3Location inFolder(String field, String folderUri, String fileName) {
        Matcher m = folderUri == null ? null : S3_FOLDER.matcher(folderUri);
        if (m == null || !m.matches()) {
            throw PersonalizeException.invalidInput(field + " must be an S3 path such as "
                    + "s3://bucket-name/output-folder/, not '" + folderUri + "'.");
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        String key = prefix.isEmpty() || prefix.endsWith("/") ? prefix + fileName : prefix + "/" + fileName;
        return new S3Location("s3://" + m.group(1) + "/" + key, m.group(1), key);
    }

    /** The key's last part: {@code users.json} for {@code batch/input/users.json}. */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The key's folder, with its closing slash; empty at the bucket's top. */
    public String folder() {
        return key.substring(0, key.lastIndexOf('/') + 1);
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
