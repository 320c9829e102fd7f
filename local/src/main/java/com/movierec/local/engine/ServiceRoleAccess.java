package com.movierec.local.engine;

import com.movierec.local.engine.data.S3Location;
import com.movierec.local.iam.Authorizer;
import com.movierec.local.iam.Caller;
import com.movierec.local.iam.PolicyDecision;
import java.util.Map;
import java.util.Optional;

/**
 * Personalize's own access to a customer's data, as the service makes it for an import job: it assumes the service
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
        Map<String, String> source = Map.of("aws:SourceAccount", accountId, "aws:SourceArn", groupArn);
        if (!authorizer.iam().hasRole(roleArn)
                || !authorizer.decideForService(SERVICE, "sts:AssumeRole", roleArn, source).allowed()) {
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
        // The service sends the confused-deputy keys with everything it does for the account: for whom, and which job.
        Map<String, String> source = Map.of("aws:SourceAccount", accountId, "aws:SourceArn", jobArn);
        if (!authorizer.iam().hasRole(roleArn)
                || !authorizer.decideForService(SERVICE, "sts:AssumeRole", roleArn, source).allowed()) {
            return Optional.of(FailureReasons.cannotAssume(roleArn));
        }
        Caller role = roleSession(roleArn);
        String bucket = "arn:aws:s3:::" + location.bucket();
        String object = bucket + "/" + location.key();
        Map<String, String> listing = Map.of("s3:prefix", location.key());
        Map<String, String> serviceListing = new java.util.HashMap<>(source);
        serviceListing.putAll(listing);
        if (!authorizer.decide(role, "s3:ListBucket", bucket, listing).allowed()
                || !authorizer.decide(role, "s3:GetObject", object, Map.of()).allowed()
                || !authorizer.decideForService(SERVICE, "s3:ListBucket", bucket, serviceListing).allowed()
                || !authorizer.decideForService(SERVICE, "s3:GetObject", object, source).allowed()) {
            return Optional.of(FailureReasons.s3(location.bucket()));
        }
        Optional<String> key = authorizer.iam().bucketKey(location.bucket());
        if (key.isPresent()) {
            PolicyDecision asRole = authorizer.decide(role, "kms:Decrypt", key.get(), Map.of());
            PolicyDecision asService = authorizer.decideForService(SERVICE, "kms:Decrypt", key.get(), source);
            if (!asRole.allowed() || !asService.allowed()) {
                return Optional.of(FailureReasons.kms(location.bucket(), key.get()));
            }
        }
        return Optional.empty();
    }
}
