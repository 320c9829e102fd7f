package com.movierec.local.deployer.deploy.resources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names CloudFormation generates for resources without an explicit name ({@code <stack>-<logicalId>-<random>}),
 * made deterministic: the same stack and logical id always give the same name, so repeated deploys agree.
 */
public final class PhysicalNames {
    private static final int HASH_LENGTH = 8;

    private PhysicalNames() {
    }

    /** {@code <stack>-<logicalId>}, cut to {@code maxLength} with a hash of the whole kept at the end. */
    public static String generate(StackContext stack, String logicalId, int maxLength) {
        String name = stack.stackName() + "-" + logicalId;
        if (name.length() <= maxLength) {
            return name;
        }
        String hash = hash(name, HASH_LENGTH);
        return name.substring(0, maxLength - HASH_LENGTH - 1) + "-" + hash;
    }

    /** The same in lower case, for S3 bucket names. */
    public static String generateLowerCase(StackContext stack, String logicalId, int maxLength) {
        return generate(stack, logicalId, maxLength).toLowerCase(Locale.ROOT);
    }

    /** {@code length} hex digits of a SHA-256 of {@code text}: stable ids such as a KMS key id or a REST API id. */
    public static String hash(String text, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
