package com.movierec.e2e.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.local.personalize.iam.AccountIam;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.IamSimulator;
import com.movierec.local.personalize.iam.SessionCredentials;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The account the getting-started flow runs in: personalize-local enforcing its IAM, a person calling as the
 * account's administrator, and Personalize's own access to the flow's bucket granted as the Personalize Developer
 * Guide grants it ("Creating an IAM role for Amazon Personalize", "Giving Amazon Personalize access to Amazon S3
 * resources"): a service role personalize.amazonaws.com may assume, the role's S3 policy, and the bucket policy.
 * Local mode has no IAM or S3 API, so the role and the bucket policy are put into the account's IAM directly, where
 * {@code aws iam create-role} and {@code aws s3api put-bucket-policy} would put them on AWS.
 */
final class FlowAccount {
    static final String SERVICE_ROLE_NAME = "flow-personalize";
    /** The key AWS's own documentation uses as an example: issued to no one here, so AWS would not know it either. */
    static final String UNKNOWN_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String UNKNOWN_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    /** Not the administrator's secret: its key signing with this makes a signature AWS would not match. */
    static final String WRONG_SECRET_ACCESS_KEY = UNKNOWN_SECRET_ACCESS_KEY;
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountIam iam;
    private final String serviceRoleArn;

    private FlowAccount(AccountIam iam, String serviceRoleArn) {
        this.iam = iam;
        this.serviceRoleArn = serviceRoleArn;
    }

    /** Makes {@code server} enforce IAM for its account, with Personalize allowed to read {@code bucket}. */
    static FlowAccount enforcedOn(PersonalizeLocalServer server, String bucket) {
        AccountIam iam = new AccountIam(server.engine().settings().accountId());
        server.engine().enforceIam(new Authorizer(iam, IamSimulator.shared()));
        String role = "arn:aws:iam::" + iam.accountId() + ":role/" + SERVICE_ROLE_NAME;
        iam.putRole(role, json("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"""),
                Map.of("PersonalizeS3BucketAccessPolicy", json("""
                        {"Version": "2012-10-17", "Id": "PersonalizeS3BucketAccessPolicy", "Statement": [{
                          "Sid": "PersonalizeS3BucketAccessPolicy", "Effect": "Allow",
                          "Action": ["s3:GetObject", "s3:ListBucket"],
                          "Resource": ["arn:aws:s3:::%1$s", "arn:aws:s3:::%1$s/*"]}]}""".formatted(bucket))),
                List.of());
        iam.putResourcePolicy("arn:aws:s3:::" + bucket, json("""
                {"Version": "2012-10-17", "Id": "PersonalizeS3BucketAccessPolicy", "Statement": [{
                  "Sid": "PersonalizeS3BucketAccessPolicy", "Effect": "Allow",
                  "Principal": {"Service": "personalize.amazonaws.com"},
                  "Action": ["s3:GetObject", "s3:ListBucket"],
                  "Resource": ["arn:aws:s3:::%1$s", "arn:aws:s3:::%1$s/*"]}]}""".formatted(bucket)));
        return new FlowAccount(iam, role);
    }

    /** The administrator's long-term key (AdministratorAccess): what a person configures the CLI or boto3 with. */
    SessionCredentials administrator() {
        return iam.administrator();
    }

    /** The role the flow's import job passes to Personalize. */
    String serviceRoleArn() {
        return serviceRoleArn;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
