package com.movierec.infra.data;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthesizedStages;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DataStackTest {
    private static final String PERSONALIZE_SOURCE_ARN =
            "arn:${AWS::Partition}:personalize:eu-west-1:" + Fixtures.ACCOUNT + ":*/movierec-dev-*";

    @TempDir
    static Path tmp;
    private static String dataVersion;
    private static Template devTemplate;
    private static TemplateJson dev;
    private static TemplateJson prod;

    @BeforeAll
    static void synthesize() {
        SynthesizedStages stages = SynthesizedStages.of(tmp, "dev", "prod");
        dataVersion = stages.preparedData().dataVersion();
        devTemplate = Template.fromStack(stages.stage("dev").dataStack());
        dev = TemplateJson.of(devTemplate);
        prod = TemplateJson.of(Template.fromStack(stages.stage("prod").dataStack()));
    }

    @Test
    void theKeyRotates() {
        devTemplate.resourceCountIs("AWS::KMS::Key", 1);
        devTemplate.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void theKeyPolicyLetsOnlyPersonalizeItsRoleAndTheUploadsUseTheKey() {
        List<JsonNode> statements = keyStatements();

        assertThat(statements).extracting(s -> s.path("Sid").asText()).containsExactly("AccountAdministersKey",
                "PersonalizeUsesKey", "PersonalizeRoleUsesKey", "DeploymentUploadsData", "BatchInputUploadUsesKey");
        assertThat(statements).allSatisfy(s -> assertThat(s.path("Effect").asText()).isEqualTo("Allow"));
        assertThat(statements).noneSatisfy(s -> assertThat(text(s.path("Principal").path("AWS"))).isEqualTo("*"));
    }

    @Test
    void theAccountAdministersTheKeyButCannotUseIt() {
        JsonNode admin = keyStatement("AccountAdministersKey");

        assertThat(text(admin.path("Principal").path("AWS"))).isEqualTo("arn:${AWS::Partition}:iam::"
                + Fixtures.ACCOUNT + ":root");
        assertThat(texts(admin.path("Action"))).contains("kms:Put*", "kms:ScheduleKeyDeletion")
                .doesNotContain("kms:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncrypt*");
    }

    @Test
    void personalizeUsesTheKeyOnlyForThisEnvironmentsResources() {
        JsonNode personalize = keyStatement("PersonalizeUsesKey");

        assertThat(personalize.path("Principal").path("Service").asText()).isEqualTo("personalize.amazonaws.com");
        assertThat(texts(personalize.path("Action"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey",
                "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants");
        assertThat(personalize.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                .isEqualTo(Fixtures.ACCOUNT);
        assertThat(text(personalize.path("Condition").path("ArnLike").path("aws:SourceArn")))
                .isEqualTo(PERSONALIZE_SOURCE_ARN);
    }

    @Test
    void thePersonalizeRoleIsMatchedByItsArnBecauseItIsCreatedLater() {
        JsonNode role = keyStatement("PersonalizeRoleUsesKey");

        assertThat(text(role.path("Condition").path("ArnEquals").path("aws:PrincipalArn")))
                .isEqualTo("arn:${AWS::Partition}:iam::" + Fixtures.ACCOUNT + ":role/movierec-dev-personalize-eu-west-1");
        assertThat(texts(role.path("Action"))).containsExactlyInAnyOrder("kms:Decrypt", "kms:GenerateDataKey",
                "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants");
    }

    @Test
    void theDataBucketIsPrivateEncryptedWithTheKeyVersionedAndLogged() {
        JsonNode bucket = dataBucket().path("Properties");
        String keyId = dev.resources("AWS::KMS::Key").keySet().iterator().next();

        assertThat(bucket.path("PublicAccessBlockConfiguration").toString()).isEqualTo("{\"BlockPublicAcls\":true,"
                + "\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,\"RestrictPublicBuckets\":true}");
        JsonNode encryption = bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
                .path("ServerSideEncryptionByDefault");
        assertThat(encryption.path("SSEAlgorithm").asText()).isEqualTo("aws:kms");
        assertThat(text(encryption.path("KMSMasterKeyID"))).isEqualTo("${" + keyId + ".Arn}");
        assertThat(bucket.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
        assertThat(text(bucket.path("LoggingConfiguration").path("DestinationBucketName")))
                .isEqualTo("${" + logBucketId() + "}");
    }

    @Test
    void theAccessLogBucketIsSeparateAndPrivate() {
        JsonNode logs = dev.resource(logBucketId()).path("Properties");

        assertThat(logBucketId()).isNotEqualTo(dataBucketId());
        assertThat(logs.path("PublicAccessBlockConfiguration").path("RestrictPublicBuckets").asBoolean()).isTrue();
        assertThat(logs.path("BucketEncryption").toString()).contains("AES256");
    }

    @Test
    void everyBucketRefusesRequestsWithoutTls() {
        assertThat(dev.resources("AWS::S3::BucketPolicy").values()).hasSize(2).allSatisfy(policy ->
                assertThat(statements(policy)).anySatisfy(s -> {
                    assertThat(s.path("Effect").asText()).isEqualTo("Deny");
                    assertThat(s.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
                    assertThat(texts(s.path("Action"))).containsExactly("s3:*");
                }));
    }

    @Test
    void personalizeMayListAndReadOnlyTheDatasetPrefix() {
        // The batch stack adds its own statements for batch/ (checked in BatchRecommendationsStackTest).
        List<JsonNode> personalize = statements(dataBucketPolicy()).stream()
                .filter(s -> s.path("Principal").path("Service").asText().equals("personalize.amazonaws.com"))
                .filter(s -> s.path("Sid").asText().contains("Dataset"))
                .toList();

        assertThat(personalize).hasSize(2);
        JsonNode list = personalize.get(0);
        assertThat(texts(list.path("Action"))).containsExactly("s3:ListBucket");
        assertThat(texts(list.path("Resource"))).containsExactly("${" + dataBucketId() + ".Arn}");
        assertThat(list.path("Condition").path("StringLike").path("s3:prefix").asText()).isEqualTo("datasets/ml-100k/*");
        JsonNode read = personalize.get(1);
        assertThat(texts(read.path("Action"))).containsExactly("s3:GetObject");
        assertThat(texts(read.path("Resource"))).containsExactly("${" + dataBucketId() + ".Arn}/datasets/ml-100k/*");
        for (JsonNode statement : personalize) {
            assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                    .isEqualTo(Fixtures.ACCOUNT);
            assertThat(text(statement.path("Condition").path("ArnLike").path("aws:SourceArn")))
                    .isEqualTo(PERSONALIZE_SOURCE_ARN);
        }
    }

    @Test
    void thePreparedDataIsUploadedUnderItsDataVersion() {
        devTemplate.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of(
                "DestinationBucketKeyPrefix", "datasets/ml-100k/" + dataVersion + "/",
                "DestinationBucketName", Map.of("Ref", dataBucketId()))));
    }

    @Test
    void devDeletesItsDataWhenDestroyed() {
        assertThat(removalPolicies(dev)).containsOnly("Delete");
        assertThat(dev.resources("Custom::S3AutoDeleteObjects")).hasSize(2);
        assertThat(dev.resources("Custom::CDKBucketDeployment").values().iterator().next()
                .path("Properties").path("RetainOnDelete").asBoolean()).isFalse();
    }

    @Test
    void prodRetainsItsDataWhenDestroyed() {
        assertThat(removalPolicies(prod)).containsOnly("Retain");
        assertThat(prod.resources("Custom::S3AutoDeleteObjects")).isEmpty();
        assertThat(prod.resources("Custom::CDKBucketDeployment").values().iterator().next()
                .path("Properties").path("RetainOnDelete").asBoolean()).isTrue();
    }

    @Test
    void theBucketNameIsAnOutput() {
        devTemplate.hasOutput("DataBucketName", Map.of("Value", Map.of("Ref", dataBucketId())));
    }

    /** DeletionPolicy of the key and both buckets. */
    private static List<String> removalPolicies(TemplateJson template) {
        List<String> policies = new ArrayList<>();
        for (String type : List.of("AWS::KMS::Key", "AWS::S3::Bucket")) {
            template.resources(type).values().forEach(r -> policies.add(r.path("DeletionPolicy").asText()));
        }
        assertThat(policies).hasSize(3);
        return policies;
    }

    private static String dataBucketId() {
        return dev.logicalId("AWS::S3::Bucket", "aws:kms");
    }

    private static JsonNode dataBucket() {
        return dev.resource(dataBucketId());
    }

    private static String logBucketId() {
        return dev.logicalId("AWS::S3::Bucket", "AES256");
    }

    private static JsonNode dataBucketPolicy() {
        return dev.resources("AWS::S3::BucketPolicy").values().stream()
                .filter(p -> text(p.path("Properties").path("Bucket")).equals("${" + dataBucketId() + "}"))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> keyStatements() {
        JsonNode key = dev.resources("AWS::KMS::Key").values().iterator().next();
        List<JsonNode> statements = new ArrayList<>();
        key.path("Properties").path("KeyPolicy").path("Statement").forEach(statements::add);
        return statements;
    }

    private static JsonNode keyStatement(String sid) {
        return keyStatements().stream().filter(s -> s.path("Sid").asText().equals(sid)).findFirst().orElseThrow();
    }

    private static List<JsonNode> statements(JsonNode bucketPolicy) {
        List<JsonNode> statements = new ArrayList<>();
        bucketPolicy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
        return statements;
    }
}
