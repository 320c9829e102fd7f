package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.S3Location;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.Caller;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Personalize's own access to a customer's data, as the service makes it for an import or a batch inference job
 * (which also writes its output): it assumes the service
 * role (the trust policy must let {@code personalize.amazonaws.com} in for this account and job), lists and reads
 * the input as that role, needs the bucket policy to allow the service as well, and decrypts SSE-KMS objects with
 * the bucket's key (the role's policy and the key policy must both allow it). See "Giving Amazon Personalize access to
 * Amazon S3 resources" and "Giving Amazon Personalize permission to use your AWS KMS key". Each check is the IAM
 * simulator's; the first that fails is the job's failureReason.
 */
final class ServiceRoleAccess {
    static final String SERVICE = "personalize.amazonaws.com";
    /** The session name Personalize's role sessions carry in CloudTrail. */
    private static final String SESSION = "AmazonPersonalize";

    private final Authorizer authorizer;
    private final String accountId;

    ServiceRoleAccess(Authorizer authorizer, String accountId) {
        this.authorizer = authorizer;
        this.accountId = accountId;
    }

    /**
     * Why Personalize cannot encrypt a dataset group's data with {@code keyArn} through {@code roleArn}; empty if it
     * can. It assumes the role for the group, and the role's policy and the key policy (which must also let the
     * service in) allow it a data key to encrypt with ("Giving Amazon Personalize permission to use your AWS KMS
     * key"). Only that: what else the service asks of the key at this point is not published, and local mode must
     * not refuse what AWS accepts; reading encrypted input is the import's check.
     */
    Optional<String> keyFailure(String groupArn, String roleArn, String keyArn) {
        Map<String, String> source = source(groupArn);
        if (!canAssume(roleArn, source)) {
            return Optional.of(FailureReasons.cannotAssume(roleArn));
        }
        Caller role = roleSession(roleArn);
        if (!authorizer.decide(role, "kms:GenerateDataKey", keyArn, Map.of()).allowed()
                || !authorizer.decideForService(SERVICE, "kms:GenerateDataKey", keyArn, source).allowed()) {
            return Optional.of(FailureReasons.groupKey(keyArn, roleArn));
        }
        return Optional.empty();
    }

    private Caller roleSession(String roleArn) {
        return new Caller("arn:aws:sts::" + accountId + ":assumed-role/"
                + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/" + SESSION, roleArn);
    }

    /** Why Personalize cannot read {@code location} for the job {@code jobArn} with {@code roleArn}; empty if it can. */
    Optional<String> readFailure(String jobArn, String roleArn, S3Location location) {
        Map<String, String> source = source(jobArn);
        if (!canAssume(roleArn, source)) {
            return Optional.of(FailureReasons.cannotAssume(roleArn));
        }
        Caller role = roleSession(roleArn);
        return readAccessFailure(role, source, location);
    }

    /**
     * Why Personalize cannot run the batch inference job {@code jobArn} with {@code roleArn}; empty if it can. Beyond
     * an import's reading of the input, it writes {@code output}: the role's policy and the bucket policy must both
     * allow listing the output folder and putting the object ("Service role policy for batch workflows", "Amazon S3
     * bucket policy for batch workflows"), and with a KMS key (the job's {@code outputKeyArn}, else the bucket's) the
     * role and the key policy must allow a data key to encrypt it with.
     */
    Optional<String> batchFailure(String jobArn, String roleArn, S3Location input, S3Location output,
                                  String outputKeyArn) {
        Map<String, String> source = source(jobArn);
        if (!canAssume(roleArn, source)) {
            return Optional.of(FailureReasons.cannotAssume(roleArn));
        }
        Caller role = roleSession(roleArn);
        Optional<String> reading = readAccessFailure(role, source, input);
        if (reading.isPresent()) {
            return reading;
        }
        if (!allowedToBoth(role, source, "s3:ListBucket", bucketArn(output), Map.of("s3:prefix", output.folder()))
                || !allowedToBoth(role, source, "s3:PutObject", objectArn(output), Map.of())) {
            return Optional.of(FailureReasons.s3(output.bucket()));
        }
        Optional<String> key = Optional.ofNullable(outputKeyArn).or(() -> authorizer.iam().bucketKey(output.bucket()));
        if (key.isPresent() && !allowedToBoth(role, source, "kms:GenerateDataKey", key.get(), Map.of())) {
            return Optional.of(FailureReasons.kms(output.bucket(), key.get()));
        }
        return Optional.empty();
    }

    /** The confused-deputy keys the service sends with everything it does for the account: for whom, which job. */
    private Map<String, String> source(String jobArn) {
        return Map.of("aws:SourceAccount", accountId, "aws:SourceArn", jobArn);
    }

    private boolean canAssume(String roleArn, Map<String, String> source) {
        return authorizer.iam().hasRole(roleArn)
                && authorizer.decideForService(SERVICE, "sts:AssumeRole", roleArn, source).allowed();
    }

    /** Listing and reading {@code location} as the role and as the service, then decrypting it with the bucket's key. */
    private Optional<String> readAccessFailure(Caller role, Map<String, String> source, S3Location location) {
        if (!allowedToBoth(role, source, "s3:ListBucket", bucketArn(location), Map.of("s3:prefix", location.key()))
                || !allowedToBoth(role, source, "s3:GetObject", objectArn(location), Map.of())) {
            return Optional.of(FailureReasons.s3(location.bucket()));
        }
        Optional<String> key = authorizer.iam().bucketKey(location.bucket());
        if (key.isPresent() && !allowedToBoth(role, source, "kms:Decrypt", key.get(), Map.of())) {
            return Optional.of(FailureReasons.kms(location.bucket(), key.get()));
        }
        return Optional.empty();
    }

    /**
     * Whether the role's session (identity policies and the resource's policy) and the service principal (the
     * resource's policy, with the confused-deputy keys) may both take {@code action}: Personalize's documentation asks
     * for the grant in both places.
     */
    private boolean allowedToBoth(Caller role, Map<String, String> source, String action, String resource,
                                  Map<String, String> context) {
        Map<String, String> serviceContext = new HashMap<>(source);
        serviceContext.putAll(context);
        return authorizer.decide(role, action, resource, context).allowed()
                && authorizer.decideForService(SERVICE, action, resource, serviceContext).allowed();
    }

    private static String bucketArn(S3Location location) {
        return "arn:aws:s3:::" + location.bucket();
    }

    private static String objectArn(S3Location location) {
        return bucketArn(location) + "/" + location.key();
    }
}
