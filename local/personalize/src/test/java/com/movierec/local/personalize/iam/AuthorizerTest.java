package com.movierec.local.personalize.iam;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.deny;
import static com.movierec.local.personalize.iam.PolicyDocuments.json;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static com.movierec.local.personalize.iam.PolicyDocuments.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorizer decisions made by the real IAM simulator process on the policies AccountIam holds: which policy types
 * count, how resource policies (KMS key, trust) combine with identity policies, and AWS's denial sentences.
 */
class AuthorizerTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/events-writer";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/events-writer/handler";
    private static final String TRACKER = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":event-tracker/0a1b2c3d";
    private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String PERSONALIZE = "personalize.amazonaws.com";

    private AccountIam iam;
    private Authorizer authorizer;

    @BeforeEach
    void setUp() {
        iam = new AccountIam(ACCOUNT);
        authorizer = new Authorizer(iam, IamSimulator.shared());
    }

    private Caller roleWith(JsonNode... inlinePolicies) {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        for (int i = 0; i < inlinePolicies.length; i++) {
            inline.put("Inline" + i, inlinePolicies[i]);
        }
        iam.putRole(ROLE, trust("lambda.amazonaws.com"), inline, List.of());
        return caller();
    }

    private Caller caller() {
        SessionCredentials session = iam.assumeRole(ROLE, "handler");
        assertThat(session.principalArn()).isEqualTo(SESSION);
        return iam.caller(session.accessKeyId()).orElseThrow();
    }

    @Test
    void putEventsAllowedOnlyOnTheTrackerArnIsDeniedOnStarWithAwsMessage() {
        Caller caller = roleWith(policy(allow("personalize:PutEvents", TRACKER)));

        // PutEvents takes no resource type, so AWS authorises it on "*" and a tracker-scoped grant never matches.
        assertThatThrownBy(() -> authorizer.require(caller, "personalize:PutEvents", TRACKER, Map.of()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + SESSION + " is not authorized to perform: personalize:PutEvents on resource: *"
                        + " because no identity-based policy allows the personalize:PutEvents action");
        assertThat(authorizer.log().denied()).containsExactly(new AccessLog.Call(ROLE, "personalize:PutEvents", "*",
                false, "User: " + SESSION + " is not authorized to perform: personalize:PutEvents on resource: *"
                + " because no identity-based policy allows the personalize:PutEvents action"));
    }

    @Test
    void putEventsAllowedOnStarIsAllowed() {
        Caller caller = roleWith(policy(allow("personalize:PutEvents", "*")));

        assertThatCode(() -> authorizer.require(caller, "personalize:PutEvents", TRACKER, Map.of()))
                .doesNotThrowAnyException();
        assertThat(authorizer.log().calls()).containsOnlyKeys(
                new AccessLog.Call(ROLE, "personalize:PutEvents", "*", true, null));
    }

    @Test
    void aScopedGrantAllowsItsResourceAndDeniesAnotherNamingTheResource() {
        String schema = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":schema/movies";
        String other = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":schema/others";
        Caller caller = roleWith(policy(allow("personalize:DescribeSchema", schema)));

        assertThat(authorizer.decide(caller, "personalize:DescribeSchema", schema, Map.of()).allowed()).isTrue();
        assertThatThrownBy(() -> authorizer.require(caller, "personalize:DescribeSchema", other, Map.of()))
                .hasMessage("User: " + SESSION + " is not authorized to perform: personalize:DescribeSchema on "
                        + "resource: " + other + " because no identity-based policy allows the "
                        + "personalize:DescribeSchema action");
    }

    @Test
    void aKeyPolicyNamingOnlyTheAccountRootDelegatesDecryptToTheRolesPolicy() {
        iam.putResourcePolicy(KEY, policy("""
                {"Sid": "EnableIamPolicies", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"},
                 "Action": "kms:*", "Resource": "*"}""".formatted(ACCOUNT)));

        Caller withoutDecrypt = roleWith(policy(allow("s3:GetObject", "arn:aws:s3:::data/*")));
        assertThat(authorizer.decide(withoutDecrypt, "kms:Decrypt", KEY, Map.of()).allowed())
                .as("the root statement alone grants the role nothing").isFalse();

        Caller withDecrypt = roleWith(policy(allow("kms:Decrypt", KEY)));
        assertThat(authorizer.decide(withDecrypt, "kms:Decrypt", KEY, Map.of()).allowed()).isTrue();
    }

    /** The deployed key policy's shape: the root, narrowed to one role by aws:PrincipalArn, which AWS always sets. */
    @Test
    void aKeyPolicyForTheRootWithAPrincipalArnConditionLetsInThatRoleOnly() {
        iam.putResourcePolicy(KEY, policy("""
                {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:Decrypt",
                 "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "%s"}}}"""
                .formatted(ACCOUNT, ROLE)));
        Caller caller = roleWith(policy(allow("kms:Decrypt", KEY)));
        assertThat(authorizer.decide(caller, "kms:Decrypt", KEY, Map.of()).allowed()).isTrue();

        String otherRole = "arn:aws:iam::" + ACCOUNT + ":role/other";
        iam.putRole(otherRole, trust("lambda.amazonaws.com"), Map.of("Inline", policy(allow("kms:Decrypt", KEY))),
                List.of());
        Caller other = iam.caller(iam.assumeRole(otherRole, "handler").accessKeyId()).orElseThrow();
        assertThat(authorizer.decide(other, "kms:Decrypt", KEY, Map.of()).allowed()).isFalse();
    }

    @Test
    void anIdentityPolicyCannotUseAKeyWhosePolicyDoesNotDelegateToIam() {
        iam.putResourcePolicy(KEY, policy("""
                {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:role/someone-else"},
                 "Action": "kms:Decrypt", "Resource": "*"}""".formatted(ACCOUNT)));
        Caller caller = roleWith(policy(allow("kms:Decrypt", KEY)));

        PolicyDecision decision = authorizer.decide(caller, "kms:Decrypt", KEY, Map.of());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denials()).extracting(PolicyDecision.Denial::policyType).contains("resource");
    }

    @Test
    void aKeyPolicyNamingTheRoleAllowsDecryptWithoutAnyIdentityPolicy() {
        iam.putResourcePolicy(KEY, policy("""
                {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:Decrypt", "Resource": "*"}"""
                .formatted(ROLE)));
        Caller caller = roleWith();

        assertThat(iam.identityPolicies(ROLE)).isEmpty();
        assertThat(authorizer.decide(caller, "kms:Decrypt", KEY, Map.of()).allowed()).isTrue();
        assertThat(authorizer.decide(caller, "kms:Encrypt", KEY, Map.of()).allowed())
                .as("only the actions the key policy names").isFalse();
    }

    @Test
    void anExplicitDenyInAnIdentityPolicyWinsOverAnAllowAndSaysSo() {
        String campaign = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/movies";
        Caller caller = roleWith(policy(allow("personalize:*", "*")),
                policy(deny("personalize:DeleteCampaign", "*")));

        assertThat(authorizer.decide(caller, "personalize:DescribeCampaign", campaign, Map.of()).allowed()).isTrue();
        assertThatThrownBy(() -> authorizer.require(caller, "personalize:DeleteCampaign", campaign, Map.of()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User: " + SESSION + " is not authorized to perform: personalize:DeleteCampaign on "
                        + "resource: " + campaign + " with an explicit deny in an identity-based policy");
        assertThat(authorizer.decide(caller, "personalize:DeleteCampaign", campaign, Map.of()).result())
                .isEqualTo(PolicyDecision.Result.EXPLICITLY_DENIED);
    }

    @Test
    void aTrustPolicyWithSourceAccountAndSourceArnLetsPersonalizeInOnlyForThatAccountAndArn() {
        iam.putRole(ROLE, policy("""
                {"Effect": "Allow", "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "sts:AssumeRole",
                 "Condition": {"StringEquals": {"aws:SourceAccount": "%1$s"},
                               "ArnLike": {"aws:SourceArn": "arn:aws:personalize:us-east-1:%1$s:*/movierec-*"}}}"""
                .formatted(ACCOUNT)), Map.of(), List.of());
        String job = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":dataset-import-job/movierec-interactions";

        assertThat(assume(ACCOUNT, job)).isTrue();
        assertThat(assume("999988887777", job)).as("another account").isFalse();
        assertThat(assume(ACCOUNT, "arn:aws:personalize:us-east-1:999988887777:dataset-import-job/movierec-x"))
                .as("a job in another account").isFalse();
        assertThat(assume(ACCOUNT, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":dataset-import-job/other"))
                .as("a job not matching the name pattern").isFalse();
        assertThat(authorizer.decideForService("lambda.amazonaws.com", "sts:AssumeRole", ROLE,
                Map.of("aws:SourceAccount", ACCOUNT, "aws:SourceArn", job)).allowed())
                .as("another service").isFalse();
    }

    private boolean assume(String sourceAccount, String sourceArn) {
        return authorizer.decideForService(PERSONALIZE, "sts:AssumeRole", ROLE,
                Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn)).allowed();
    }

    @Test
    void passRoleIsAllowedOnlyToTheServiceNamedInPassedToService() {
        String serviceRole = "arn:aws:iam::" + ACCOUNT + ":role/personalize-service";
        Caller caller = roleWith(policy("""
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "%s",
                 "Condition": {"StringEquals": {"iam:PassedToService": "personalize.amazonaws.com"}}}"""
                .formatted(serviceRole)));

        assertThat(authorizer.decide(caller, "iam:PassRole", serviceRole,
                Map.of("iam:PassedToService", PERSONALIZE)).allowed()).isTrue();
        assertThat(authorizer.decide(caller, "iam:PassRole", serviceRole,
                Map.of("iam:PassedToService", "lambda.amazonaws.com")).allowed()).isFalse();
        assertThat(authorizer.decide(caller, "iam:PassRole", serviceRole, Map.of()).allowed())
                .as("no service named").isFalse();
        assertThat(authorizer.decide(caller, "iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/admin",
                Map.of("iam:PassedToService", PERSONALIZE)).allowed()).as("another role").isFalse();
    }

    @Test
    void anAttachedIamPolicyCountsAsTheRolesIdentityPolicyUntilRemoved() {
        Caller caller = roleWith();
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed()).isFalse();

        iam.putAttachedPolicy("HandlerRoleDefaultPolicy", "HandlerRoleDefaultPolicyA1B2C3",
                policy(allow("personalize:PutEvents", "*")), List.of("events-writer"));
        assertThat(iam.identityPolicies(ROLE)).extracting(NamedPolicy::name)
                .containsExactly("HandlerRoleDefaultPolicyA1B2C3");
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed()).isTrue();

        iam.putAttachedPolicy("OtherRolePolicy", "OtherRolePolicy", policy(allow("personalize:*", "*")),
                List.of("another-role"));
        iam.removeAttachedPolicy("HandlerRoleDefaultPolicy");
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed())
                .as("a policy attached to another role does not apply").isFalse();
    }

    @Test
    void theAwsManagedLambdaBasicExecutionRoleGrantsLogsAndNothingElse() {
        iam.putRole(ROLE, trust("lambda.amazonaws.com"), Map.of(),
                List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        Caller caller = caller();
        String logGroup = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/handler";

        assertThat(authorizer.decide(caller, "logs:CreateLogGroup", logGroup, Map.of()).allowed()).isTrue();
        assertThat(authorizer.decide(caller, "logs:PutLogEvents", logGroup + ":log-stream:2024/01/01", Map.of())
                .allowed()).isTrue();
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed()).isFalse();
    }

    @Test
    void aManagedPolicyAttachedThroughItsRolesPropertyCountsForThoseRoles() {
        String managed = "arn:aws:iam::" + ACCOUNT + ":policy/events-writing";
        Caller caller = roleWith();
        iam.putManagedPolicy(managed, policy(allow("personalize:PutEvents", "*")), List.of("events-writer"));

        assertThat(iam.identityPolicies(ROLE)).extracting(NamedPolicy::name).containsExactly(managed);
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed()).isTrue();
        iam.removeManagedPolicy(managed);
        assertThat(authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()).allowed()).isFalse();
    }

    @Test
    void anAwsManagedPolicyWithoutALocalDocumentIsAClearSetupErrorNotADenial() {
        String unknown = "arn:aws:iam::aws:policy/AmazonPersonalizeFullAccess";
        iam.putRole(ROLE, trust("lambda.amazonaws.com"), Map.of(), List.of(unknown));
        Caller caller = caller();

        assertThatThrownBy(() -> authorizer.decide(caller, "personalize:PutEvents", "*", Map.of()))
                .isInstanceOf(IamSimulatorException.class)
                .hasMessageContaining(unknown).hasMessageContaining(ROLE)
                .hasMessageContaining("aws-managed-policies.json");
    }

    @Test
    void theAdministratorIsAllowedEverythingAndAnUnknownKeyIsNobody() {
        SessionCredentials admin = iam.administrator();
        Caller caller = iam.caller(admin.accessKeyId()).orElseThrow();

        assertThat(admin.accessKeyId()).startsWith("AKIA");
        assertThat(caller.principalArn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/local-administrator");
        assertThat(authorizer.decide(caller, "personalize:DeleteDatasetGroup",
                "arn:aws:personalize:us-east-1:" + ACCOUNT + ":dataset-group/movies", Map.of()).allowed()).isTrue();
        assertThat(authorizer.decide(caller, "iam:PassRole", ROLE, Map.of("iam:PassedToService", PERSONALIZE))
                .allowed()).isTrue();
        assertThat(iam.caller("AKIAIOSFODNN7EXAMPLE")).isEmpty();
    }

    @Test
    void roleSessionsGetAsiaKeysNamingTheAssumedRoleAndTheSameSessionGetsTheSameKey() {
        iam.putRole("arn:aws:iam::" + ACCOUNT + ":role/service-role/with-path", trust("lambda.amazonaws.com"),
                Map.of(), List.of());
        SessionCredentials first = iam.assumeRole("arn:aws:iam::" + ACCOUNT + ":role/service-role/with-path", "fn");
        SessionCredentials again = iam.assumeRole("arn:aws:iam::" + ACCOUNT + ":role/service-role/with-path", "fn");
        SessionCredentials other = iam.assumeRole("arn:aws:iam::" + ACCOUNT + ":role/service-role/with-path", "fn2");

        assertThat(first.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(first.sessionToken()).isNotBlank();
        // An assumed-role ARN names the role without its path.
        assertThat(first.principalArn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/with-path/fn");
        assertThat(again).isEqualTo(first);
        assertThat(other.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(iam.caller(first.accessKeyId())).contains(new Caller(first.principalArn(),
                "arn:aws:iam::" + ACCOUNT + ":role/service-role/with-path"));
        assertThat(iam.issued(first.accessKeyId())).contains(first);
        assertThat(iam.issued("ASIAIOSFODNN7EXAMPLE")).isEmpty();
        assertThat(first.toString()).doesNotContain(first.secretAccessKey());
    }

    @Test
    void anS3BucketPolicyAppliesToObjectsInTheBucket() {
        iam.putResourcePolicy("arn:aws:s3:::data", policy("""
                {"Effect": "Allow", "Principal": {"Service": "personalize.amazonaws.com"}, "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::data/datasets/*"}"""));

        assertThat(authorizer.decideForService(PERSONALIZE, "s3:GetObject", "arn:aws:s3:::data/datasets/a.csv",
                Map.of()).allowed()).isTrue();
        assertThat(authorizer.decideForService(PERSONALIZE, "s3:GetObject", "arn:aws:s3:::data/private/a.csv",
                Map.of()).allowed()).isFalse();
        assertThat(authorizer.decideForService(PERSONALIZE, "s3:GetObject", "arn:aws:s3:::elsewhere/datasets/a.csv",
                Map.of()).allowed()).as("another bucket's policy is not this one").isFalse();
        assertThat(json(iam.resourcePolicyFor("s3:GetObject", "arn:aws:s3:::data/x/y").orElseThrow().toString()))
                .isEqualTo(iam.resourcePolicyFor("s3:ListBucket", "arn:aws:s3:::data").orElseThrow());
    }
}
