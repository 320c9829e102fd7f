package com.movierec.local.personalize.engine;

/** The failureReason texts Personalize gives a job that cannot get at its data. */
final class FailureReasons {
    private FailureReasons() {
    }

    /** AWS publishes no text for this one; it names the role and what to fix, in the service's style. */
    static String cannotAssume(String roleArn) {
        return "Amazon Personalize cannot assume the role " + roleArn + ". Make sure the role's trust policy allows "
                + "personalize.amazonaws.com to assume it for this account and resource.";
    }

    /**
     * As the service words it (quoted from a real CreateDatasetImportJob failure; the Personalize troubleshooting page
     * files KMS failures under the same "Insufficient privileges for accessing data in Amazon S3" entry).
     */
    static String s3(String bucket) {
        return "Insufficient privileges for accessing data in S3. Please look at "
                + "https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-s3-access.html"
                + "#attach-bucket-policy and fix bucket policy on " + bucket + ".";
    }

    /** The same sentence, pointing at the key page: AWS publishes no KMS-specific text. */
    static String kms(String bucket, String keyArn) {
        return "Insufficient privileges for accessing data in S3. Please look at "
                + "https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-key-access.html"
                + " and fix the key policy of " + keyArn + " used by " + bucket + ".";
    }

    /** AWS publishes no text for this one either; it names the key, the role and the page that says what to grant. */
    static String groupKey(String keyArn, String roleArn) {
        return "Amazon Personalize cannot use the AWS KMS key " + keyArn + " with the role " + roleArn + ". Please "
                + "look at https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-key-access.html "
                + "and fix the key policy or the role's policy.";
    }
}
