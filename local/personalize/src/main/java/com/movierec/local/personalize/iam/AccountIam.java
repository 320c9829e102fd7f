package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One local account's IAM, as the deployed templates define it: roles with their trust and inline policies,
 * policies attached to roles, managed policies, the resource policies of buckets and keys, which KMS key encrypts a
 * bucket by default, and the credentials handed to each function's role session (as Lambda's STS would) or to the
 * local administrator. Thread-safe: the local deployer writes it while handlers call with the credentials.
 */
public final class AccountIam {
    /** The user a person calls local mode as (printed by {@code bin/run}), with AdministratorAccess. */
    public static final String ADMINISTRATOR = "local-administrator";
    private static final String ADMINISTRATOR_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private record Role(String arn, JsonNode trustPolicy, Map<String, JsonNode> inline, List<String> managed) {
    }

    private record Attachment(String name, JsonNode document, List<String> roleNames) {
    }

    private final String accountId;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, Attachment> attachments = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> managedPolicies = new ConcurrentHashMap<>();
    private final Map<String, List<String>> managedAttachments = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> resourcePolicies = new ConcurrentHashMap<>();
    private final Map<String, String> bucketKeys = new ConcurrentHashMap<>();
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final Map<String, SessionCredentials> sessions = new ConcurrentHashMap<>();
    private final SessionCredentials administrator;

    public AccountIam(String accountId) {
        this.accountId = accountId;
        String user = "arn:aws:iam::" + accountId + ":user/" + ADMINISTRATOR;
        this.administrator = new SessionCredentials("AKIA" + randomText(KEY_ALPHABET, 16),
                randomText(SECRET_ALPHABET, 40), null, user);
        callers.put(administrator.accessKeyId(), new Caller(user, user));
    }

    public String accountId() {
        return accountId;
    }

    // --- identities -----------------------------------------------------------------------------------------

    /** An {@code AWS::IAM::Role}: its trust policy, inline policies by name and managed policy ARNs. */
    public void putRole(String roleArn, JsonNode trustPolicy, Map<String, JsonNode> inlinePolicies,
                        List<String> managedPolicyArns) {
        roles.put(roleArn, new Role(roleArn, trustPolicy, Map.copyOf(inlinePolicies), List.copyOf(managedPolicyArns)));
    }

    public void removeRole(String roleArn) {
        roles.remove(roleArn);
    }

    public boolean hasRole(String roleArn) {
        return roles.containsKey(roleArn);
    }

    /** An {@code AWS::IAM::Policy}: a named document attached to roles by name; {@code key} identifies it. */
    public void putAttachedPolicy(String key, String name, JsonNode document, List<String> roleNames) {
        attachments.put(key, new Attachment(name, document, List.copyOf(roleNames)));
    }

    public void removeAttachedPolicy(String key) {
        attachments.remove(key);
    }

    /** An {@code AWS::IAM::ManagedPolicy}: its document, and the roles (by name) its own Roles property names. */
    public void putManagedPolicy(String arn, JsonNode document, List<String> roleNames) {
        managedPolicies.put(arn, document);
        managedAttachments.put(arn, List.copyOf(roleNames));
    }

    public void removeManagedPolicy(String arn) {
        managedPolicies.remove(arn);
        managedAttachments.remove(arn);
    }

    /** Credentials for a session of {@code roleArn}, as Lambda gets from STS for a function's execution role. */
    public SessionCredentials assumeRole(String roleArn, String sessionName) {
        String key = roleArn + "/" + sessionName;
        return sessions.computeIfAbsent(key, k -> {
            String principal = "arn:aws:sts::" + accountId + ":assumed-role/" + name(roleArn) + "/" + sessionName;
            SessionCredentials credentials = new SessionCredentials("ASIA" + randomText(KEY_ALPHABET, 16),
                    randomText(SECRET_ALPHABET, 40), randomText(SECRET_ALPHABET, 356), principal);
            callers.put(credentials.accessKeyId(), new Caller(principal, roleArn));
            return credentials;
        });
    }

    /** The administrator's long-term key: what a person uses with the AWS CLI or boto3. */
    public SessionCredentials administrator() {
        return administrator;
    }

    /** Who an access key id belongs to; empty for a key local mode never issued. */
    public Optional<Caller> caller(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : callers.get(accessKeyId));
    }

    /**
     * The credentials local mode issued with an access key id (its secret and, for a role session, its token), for
     * checking a request's signature; empty for a key it never issued.
     */
    public Optional<SessionCredentials> issued(String accessKeyId) {
        if (administrator.accessKeyId().equals(accessKeyId)) {
            return Optional.of(administrator);
        }
        return sessions.values().stream().filter(s -> s.accessKeyId().equals(accessKeyId)).findFirst();
    }

    /**
     * The identity-based policies of a role or of the administrator, each named as IAM would show it.
     *
     * @throws IamSimulatorException when a managed policy is attached whose document local mode does not have
     */
    public List<NamedPolicy> identityPolicies(String identityArn) {
        List<NamedPolicy> policies = new ArrayList<>();
        if (identityArn.equals(administrator.principalArn())) {
            policies.add(new NamedPolicy(ADMINISTRATOR_POLICY, managedDocument(ADMINISTRATOR_POLICY, identityArn)));
            return policies;
        }
        Role role = roles.get(identityArn);
        if (role == null) {
            return policies;
        }
        String roleName = name(identityArn);
        role.inline().forEach((name, document) -> policies.add(new NamedPolicy(name, document)));
        attachments.values().stream().filter(a -> a.roleNames().contains(roleName))
                .forEach(a -> policies.add(new NamedPolicy(a.name(), a.document())));
        List<String> managed = new ArrayList<>(role.managed());
        managedAttachments.forEach((arn, names) -> {
            if (names.contains(roleName) && !managed.contains(arn)) {
                managed.add(arn);
            }
        });
        for (String arn : managed) {
            policies.add(new NamedPolicy(arn, managedDocument(arn, identityArn)));
        }
        return policies;
    }

    private JsonNode managedDocument(String arn, String identityArn) {
        JsonNode document = managedPolicies.get(arn);
        if (document != null) {
            return document;
        }
        return AwsManagedPolicies.document(arn).orElseThrow(() -> new IamSimulatorException("the managed policy "
                + arn + " is attached to " + identityArn + " but local mode does not have its document: add it "
                + "with its source to local/personalize/src/main/resources/com/movierec/local/personalize/iam/aws-managed-policies.json"));
    }

    // --- resources ------------------------------------------------------------------------------------------

    /** A resource's own policy: a bucket's ({@code arn:aws:s3:::bucket}) or a KMS key's ({@code key/<id>} ARN). */
    public void putResourcePolicy(String resourceArn, JsonNode policy) {
        resourcePolicies.put(resourceArn, policy);
    }

    public void removeResourcePolicy(String resourceArn) {
        resourcePolicies.remove(resourceArn);
    }

    /**
     * The policy IAM evaluates with a request on {@code resourceArn} besides the caller's: a role's trust policy for
     * {@code sts:AssumeRole}, the bucket's policy for a bucket or an object in it, a key's policy.
     */
    public Optional<JsonNode> resourcePolicyFor(String action, String resourceArn) {
        if (action.equals("sts:AssumeRole")) {
            return Optional.ofNullable(roles.get(resourceArn)).map(Role::trustPolicy);
        }
        if (resourceArn.startsWith("arn:aws:s3:::")) {
            String bucket = resourceArn.substring("arn:aws:s3:::".length()).split("/", 2)[0];
            return Optional.ofNullable(resourcePolicies.get("arn:aws:s3:::" + bucket));
        }
        return Optional.ofNullable(resourcePolicies.get(resourceArn));
    }

    /** The KMS key a bucket encrypts new objects with by default (SSE-KMS), as its BucketEncryption says. */
    public void putBucketKey(String bucket, String keyArn) {
        bucketKeys.put(bucket, keyArn);
    }

    public void removeBucketKey(String bucket) {
        bucketKeys.remove(bucket);
    }

    public Optional<String> bucketKey(String bucket) {
        return Optional.ofNullable(bucketKeys.get(bucket));
    }

    /** Every role's ARN with its identity policies: what the least-privilege report compares with the calls. */
    public Map<String, List<NamedPolicy>> rolePolicies() {
        Map<String, List<NamedPolicy>> all = new LinkedHashMap<>();
        roles.keySet().stream().sorted().forEach(arn -> all.put(arn, identityPolicies(arn)));
        return all;
    }

    /** A role's or user's name: the last part of its ARN. */
    static String name(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private String randomText(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
