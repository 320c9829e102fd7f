package com.movierec.infra.config;

import java.util.regex.Pattern;

/** The shapes of AWS identifiers that cdk.json names. */
final class AwsPatterns {
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final String REGION_REGEX = "[a-z]{2}(-[a-z]+)+-\\d{1,2}";
    static final Pattern REGION = Pattern.compile(REGION_REGEX);
    /** The standard, China and GovCloud partitions, as the second part of an ARN. */
    static final String PARTITION_REGEX = "aws(-cn|-us-gov)?";

    private AwsPatterns() {
    }

    /** The region part of an ARN. */
    static String regionOf(String arn) {
        return arn.split(":")[3];
    }
}
