package com.movierec.infra.personalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awscdk.Token;

/**
 * Personalize names are unique per account and region, and most Personalize resources cannot be changed. Every name
 * is {@code movierec-<env>-<construct>}, plus {@code -<hash8>} of the values Personalize cannot change when the
 * resource can be replaced side by side: a changed value gives a new name, so CloudFormation creates the new
 * resource before it deletes the old one.
 */
public final class PersonalizeNames {
    public static final int MAX_LENGTH = 63;
    public static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    private static final Pattern CONSTRUCT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int HASH_LENGTH = 8;

    private final String environment;

    public PersonalizeNames(String environment) {
        if (!CONSTRUCT.matcher(environment).matches()) {
            throw new IllegalArgumentException("environment \"" + environment + "\" cannot be part of a Personalize "
                    + "name: use lower-case letters and digits");
        }
        this.environment = environment;
    }

    public String environment() {
        return environment;
    }

    /** {@code movierec-<env>-}: what every name of this environment starts with, and IAM patterns match. */
    public String prefix() {
        return "movierec-" + environment + "-";
    }

    /** The name of a resource that is never replaced side by side (there is one per dataset group). */
    public String name(String construct) {
        return fit(construct, "", List.of());
    }

    /** The name of a resource that is replaced when one of {@code immutableValues} changes. */
    public String name(String construct, String... immutableValues) {
        if (immutableValues.length == 0) {
            throw new IllegalArgumentException("name(\"" + construct + "\") with a hash needs at least one value");
        }
        List<String> values = List.of(immutableValues);
        for (String value : values) {
            if (Token.isUnresolved(value)) {
                throw new IllegalArgumentException("the name of " + construct + " cannot hash " + value + ", which is "
                        + "only known at deploy time: hash literal values only, such as the recipe or the schema text");
            }
        }
        return fit(construct, "-" + hash(values), values);
    }

    /** The IAM role Personalize assumes; IAM names are global per account, so the region is part of it. */
    public String serviceRoleName(String region) {
        return prefix() + "personalize-" + region;
    }

    /** A short, stable hash of values, e.g. for logical ids that must change with the values. */
    public static String hash(List<String> values) {
        MessageDigest digest = sha256();
        for (String value : values) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_LENGTH);
    }

    private String fit(String construct, String suffix, List<String> values) {
        if (!CONSTRUCT.matcher(construct).matches()) {
            throw new IllegalArgumentException("\"" + construct + "\" cannot be part of a Personalize name: use "
                    + "lower-case letters and digits separated by single dashes");
        }
        String name = prefix() + construct + suffix;
        if (name.length() > MAX_LENGTH) {
            // Keep a readable start and add a hash of the whole construct part, so two long names stay distinct.
            String tail = "-" + hash(List.of(construct)) + suffix;
            String start = construct.substring(0, MAX_LENGTH - prefix().length() - tail.length());
            name = prefix() + start.replaceAll("-+$", "") + tail;
        }
        if (name.length() > MAX_LENGTH || !VALID.matcher(name).matches()) {
            throw new IllegalStateException("derived Personalize name " + name + " is invalid for " + values);
        }
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
