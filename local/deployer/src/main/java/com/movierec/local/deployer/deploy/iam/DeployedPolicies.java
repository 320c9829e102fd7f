package com.movierec.local.deployer.deploy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.iam.AccountIam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a deployed resource means for the account's IAM: a role's trust and inline policies, a policy attached to
 * roles, a managed policy, a bucket's or key's resource policy, a bucket's default KMS key, a function's execution
 * role. Registered when the resource is created or updated, withdrawn when it is deleted, and rebuilt from the state
 * store when a later run starts.
 */
final class DeployedPolicies {
    static final Set<String> TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::S3::BucketPolicy", "AWS::KMS::Key", "AWS::S3::Bucket", "AWS::Lambda::Function",
            "AWS::StepFunctions::StateMachine");

    private DeployedPolicies() {
    }

    /**
     * @param key        identifies the resource across runs: {@code <stack>/<logicalId>}
     * @param physicalId its Ref
     */
    static void register(LocalAccount account, String key, String type, JsonNode properties, String physicalId,
                         Map<String, String> attributes) {
        AccountIam iam = account.iam();
        switch (type) {
            case "AWS::IAM::Role" -> {
                Map<String, JsonNode> inline = new LinkedHashMap<>();
                for (JsonNode policy : properties.path("Policies")) {
                    inline.put(policy.path("PolicyName").asText(), policy.path("PolicyDocument"));
                }
                iam.putRole(attributes.get("Arn"), properties.path("AssumeRolePolicyDocument"), inline,
                        texts(properties.path("ManagedPolicyArns")));
            }
            case "AWS::IAM::Policy" -> iam.putAttachedPolicy(key, properties.path("PolicyName").asText(physicalId),
                    properties.path("PolicyDocument"), texts(properties.path("Roles")));
            case "AWS::IAM::ManagedPolicy" -> iam.putManagedPolicy(physicalId, properties.path("PolicyDocument"),
                    texts(properties.path("Roles")));
            case "AWS::S3::BucketPolicy" -> iam.putResourcePolicy("arn:aws:s3:::" + properties.path("Bucket").asText(),
                    properties.path("PolicyDocument"));
            case "AWS::KMS::Key" -> iam.putResourcePolicy(attributes.get("Arn"), properties.path("KeyPolicy"));
            case "AWS::S3::Bucket" -> {
                String keyArn = properties.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                        .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID").asText("");
                if (keyArn.isEmpty()) {
                    iam.removeBucketKey(physicalId);
                } else {
                    iam.putBucketKey(physicalId, keyArn);
                }
            }
            case "AWS::Lambda::Function" -> {
                Map<String, String> environment = new LinkedHashMap<>();
                properties.path("Environment").path("Variables").fields()
                        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
                account.functions().put(new DeployedFunction(physicalId, attributes.get("Arn"),
                        properties.path("Role").asText(), properties.path("Handler").asText(), environment));
            }
            case "AWS::StepFunctions::StateMachine" -> account.functions().putStateMachine(new DeployedStateMachine(
                    physicalId, attributes.getOrDefault("Name", physicalId), properties.path("RoleArn").asText(),
                    properties.path("DefinitionString").asText("")));
            default -> {
                // no IAM meaning
            }
        }
    }

    static void withdraw(LocalAccount account, String key, String type, JsonNode properties, String physicalId,
                         Map<String, String> attributes) {
        AccountIam iam = account.iam();
        switch (type) {
            case "AWS::IAM::Role" -> iam.removeRole(attributes.get("Arn"));
            case "AWS::IAM::Policy" -> iam.removeAttachedPolicy(key);
            case "AWS::IAM::ManagedPolicy" -> iam.removeManagedPolicy(physicalId);
            case "AWS::S3::BucketPolicy" -> iam.removeResourcePolicy("arn:aws:s3:::"
                    + properties.path("Bucket").asText());
            case "AWS::KMS::Key" -> iam.removeResourcePolicy(attributes.get("Arn"));
            case "AWS::S3::Bucket" -> iam.removeBucketKey(physicalId);
            case "AWS::Lambda::Function" -> account.functions().remove(attributes.get("Arn"));
            case "AWS::StepFunctions::StateMachine" -> account.functions().removeStateMachine(physicalId);
            default -> {
                // no IAM meaning
            }
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asText()));
        return values;
    }
}
