package com.movierec.e2e;

import static com.movierec.e2e.support.EditedAssembly.hasStatement;
import static com.movierec.e2e.support.EditedAssembly.properties;
import static com.movierec.e2e.support.EditedAssembly.removeAction;
import static com.movierec.e2e.support.EditedAssembly.removeStatement;
import static com.movierec.e2e.support.EditedAssembly.statement;
import static com.movierec.local.deployer.testing.Stacks.API;
import static com.movierec.local.deployer.testing.Stacks.DATA;
import static com.movierec.local.deployer.testing.Stacks.PERSONALIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.e2e.support.ApiDataLayerFiles;
import com.movierec.e2e.support.EditedAssembly;
import com.movierec.e2e.support.FreshEngineTest;
import com.movierec.e2e.support.LocalApi;
import com.movierec.local.personalize.iam.AccessLog;
import com.movierec.local.deployer.api.LocalApiServer;
import com.movierec.local.deployer.deploy.DeployOptions;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.deploy.iam.DeployedFunction;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.testing.SynthesizedDev;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The real dev stage with one policy deliberately broken, deployed into personalize-local with IAM enforced: each
 * mistake fails where and as AWS would fail it. Personalize's own access to the data (the bucket policy's statement
 * for the service, kms:Decrypt in the service role) fails the first import with
 * Personalize's failureReason and the deploy rolls back to nothing; a PutEvents grant scoped to the event tracker's
 * ARN deploys, and the API's event recording is then denied with IAM's own sentence. One deploy per mistake.
 */
class BrokenPoliciesTest extends FreshEngineTest {
    private static final String ACCOUNT = DeployOptions.DEFAULT_ACCOUNT;
    private static final String OTHER_ACCOUNT = "111122223333";
    private static final String PERSONALIZE_SERVICE = "personalize.amazonaws.com";
    /** Short, so a deploy or rollback that could not complete fails the test in seconds, not after an hour. */
    private static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void withoutTheBucketPolicysStatementForPersonalizeTheFirstImportFailsWithPersonalizesS3Reason() {
        CloudAssembly broken = copyOfDev().edit(DATA, template -> removeStatement(properties(template,
                "AWS::S3::BucketPolicy", policy -> hasStatement(policy.path("Properties").path("PolicyDocument"),
                        "PersonalizeReadsDatasetPrefix"), "the data bucket's policy").path("PolicyDocument"),
                "PersonalizeReadsDatasetPrefix")).load();
        DeployOptions options = deployOptions();

        DeploymentFailedException failure = deployFailingAtTheFirstImport(broken, options);

        String bucket = bucket(data(options));
        assertThat(failure.reason()).startsWith("Custom::PersonalizeDatasetImportJob movierec-dev-import-"
                + "interactions-").endsWith(" is CREATE FAILED: Insufficient privileges for accessing data in S3. "
                + "Please look at https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-s3-access.html"
                + "#attach-bucket-policy and fix bucket policy on " + bucket + ".");
        assertThat(denied()).as("what only the removed statement allowed").singleElement().satisfies(call -> {
            assertThat(call.identityArn()).isEqualTo(PERSONALIZE_SERVICE);
            assertThat(call.action()).isEqualTo("s3:GetObject");
            assertThat(call.resource()).startsWith("arn:aws:s3:::" + bucket + "/datasets/")
                    .endsWith("/interactions.csv");
        });
    }

    @Test
    void withoutKmsDecryptInTheServiceRoleTheFirstImportFailsWithPersonalizesReasonNamingTheKey() {
        AtomicReference<String> roleName = new AtomicReference<>();
        CloudAssembly broken = copyOfDev().edit(PERSONALIZE, template -> {
            ObjectNode role = serviceRole(template);
            roleName.set(role.path("RoleName").asText());
            removeAction(statement(inlinePolicyWith(role, "UseDataKey"), "UseDataKey"), "kms:Decrypt");
        }).load();
        DeployOptions options = deployOptions();

        DeploymentFailedException failure = deployFailingAtTheFirstImport(broken, options);

        String bucket = bucket(data(options));
        String key = onlyOfType(data(options), "AWS::KMS::Key").attributes().get("Arn");
        assertThat(failure.reason()).endsWith(" is CREATE FAILED: Insufficient privileges for accessing data in S3. "
                + "Please look at https://docs.aws.amazon.com/personalize/latest/dg/granting-personalize-key-access.html"
                + " and fix the key policy of " + key + " used by " + bucket + ".");
        // The key policy leaves the role's use of the key to IAM (root principal), so the role's own policy decides.
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + roleName.get();
        assertThat(denied()).singleElement().isEqualTo(new AccessLog.Call(roleArn, "kms:Decrypt", key, false,
                accessDenied("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName.get() + "/AmazonPersonalize",
                        "kms:Decrypt", key)));
    }

    @Test
    void withTheTrustPolicyNarrowedToAnotherAccountPersonalizeCannotAssumeTheRoleForTheEncryptedDatasetGroup() {
        AtomicReference<String> roleName = new AtomicReference<>();
        CloudAssembly broken = copyOfDev().edit(PERSONALIZE, template -> {
            ObjectNode role = serviceRole(template);
            roleName.set(role.path("RoleName").asText());
            JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
            assertThat(trust).as("the trust policy's statements").hasSize(1);
            JsonNode conditions = trust.get(0).path("Condition");
            assertThat(conditions.at("/StringEquals/aws:SourceAccount").isMissingNode()).as("aws:SourceAccount")
                    .isFalse();
            assertThat(conditions.at("/ArnLike/aws:SourceArn").isMissingNode()).as("aws:SourceArn").isFalse();
            ((ObjectNode) conditions.path("StringEquals")).put("aws:SourceAccount", OTHER_ACCOUNT);
            ((ObjectNode) conditions.path("ArnLike")).put("aws:SourceArn",
                    "arn:aws:personalize:" + SynthesizedDev.REGION + ":" + OTHER_ACCOUNT + ":*/movierec-dev-*");
        }).load();
        DeployOptions options = deployOptions();

        // The dataset group is encrypted with the data key through this role: the first thing Personalize does with it.
        DeploymentFailedException failure = deployFailingAtTheDatasetGroup(broken, options);

        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + roleName.get();
        assertThat(failure.reason()).endsWith(" is CREATE FAILED: Amazon Personalize cannot assume the role "
                + roleArn + ". Make sure the role's trust policy allows personalize.amazonaws.com to assume it for "
                + "this account and resource.");
        assertThat(denied()).singleElement().satisfies(call -> {
            assertThat(call.identityArn()).isEqualTo(PERSONALIZE_SERVICE);
            assertThat(call.action()).isEqualTo("sts:AssumeRole");
            assertThat(call.resource()).isEqualTo(roleArn);
        });
    }

    @Test
    void withPutEventsScopedToTheEventTrackersArnTheStageDeploysButTheApisEventsAreDeniedAndAnswered502() {
        // As the template was before PutEvents was granted on "*": the tracker's ARN exported by the Personalize
        // stack and imported into the API role's policy, the way CDK writes a cross-stack reference.
        String export = PERSONALIZE + ":ExportsOutputFnGetAttEventTrackerArn";
        CloudAssembly broken = copyOfDev().edit(PERSONALIZE, template -> {
            String tracker = EditedAssembly.logicalId(template, "Custom::PersonalizeEventTracker", r -> true,
                    "the event tracker");
            ObjectNode output = ((ObjectNode) template.path("Outputs")).putObject("ExportsOutputFnGetAtt" + tracker
                    + "Arn");
            output.putObject("Value").putArray("Fn::GetAtt").add(tracker).add("Arn");
            output.putObject("Export").put("Name", export);
        }).edit(API, template -> {
            ObjectNode putEvents = statement(properties(template, "AWS::IAM::Policy", policy -> hasStatement(
                    policy.path("Properties").path("PolicyDocument"), "PutEvents"), "the API role's policy")
                    .path("PolicyDocument"), "PutEvents");
            assertThat(putEvents.path("Resource").asText()).as("PutEvents' resource as synthesized").isEqualTo("*");
            putEvents.set("Resource", JsonNodeFactory.instance.objectNode().put("Fn::ImportValue", export));
        }).load();

        StageDeployment deployment = deployer.deploy(broken, SynthesizedDev.STAGE, deployOptions());

        DeployedFunction function = engine.account.functions().withHandler(StageDeployment.API_HANDLER);
        assertThat(function.roleArn()).isEqualTo(onlyOfType(deployment.stack(API), "AWS::IAM::Role").attributes()
                .get("Arn"));
        ApiDataLayerFiles layer = ApiDataLayerFiles.of(broken);
        try (LocalApiServer server = LocalApiServer.start(engine.apiCredentials(), deployment.apiEnvironment(),
                engine.server.endpoint(), layer.itemsCsv(), layer.knownUsers(), SynthesizedDev.STAGE, 0)) {
            LocalApi api = new LocalApi(server.endpoint());
            String movieId = api.get("/movies/popular?count=1").movieIds().get(0);

            LocalApi.Answer event = api.post("/events", Map.of("userId", "7", "movieId", movieId, "eventType",
                    "Watch"));

            assertThat(event.status()).as(event.body().toString()).isEqualTo(502);
            assertThat(event.body().path("error").asText()).isEqualTo("UPSTREAM_ERROR");
            assertThat(event.body().path("message").asText()).isEqualTo("The recommendation service could not "
                    + "answer this request; it has been logged.");
            assertThat(api.get("/users/7/recommendations?count=5").status()).as("the other grants still serve")
                    .isEqualTo(200);
        }
        String roleName = function.roleArn().substring(function.roleArn().lastIndexOf('/') + 1);
        assertThat(denied()).singleElement().isEqualTo(new AccessLog.Call(function.roleArn(), "personalize:PutEvents",
                "*", false, accessDenied("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + roleName + "/"
                        + function.name(), "personalize:PutEvents", "*")));
    }

    private EditedAssembly copyOfDev() {
        return EditedAssembly.copyOf(SynthesizedDev.base(), SynthesizedDev.STAGE, tmp.resolve("cdk.out"));
    }

    private DeployOptions deployOptions() {
        return engine.options(listener).withCompletionTimeout(COMPLETION_TIMEOUT);
    }

    /** Deploys a stage whose first import must fail, checks the failure report and the rollback, answers it. */
    private DeploymentFailedException deployFailingAtTheFirstImport(CloudAssembly assembly, DeployOptions options) {
        AtomicReference<DeploymentFailedException> failure = new AtomicReference<>();
        assertThatThrownBy(() -> deployer.deploy(assembly, SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.stackName()).isEqualTo(PERSONALIZE);
                    assertThat(e.logicalId()).startsWith("InteractionsImportJob");
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeDatasetImportJob");
                    assertThat(e.reason()).startsWith("Custom::PersonalizeDatasetImportJob movierec-dev-import-"
                            + "interactions-");
                    assertThat(e.signalledTo()).hasValueSatisfying(id -> assertThat(id)
                            .startsWith("InteractionsImportCompletion"));
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                    assertThat(e.rollbackProblems()).isEmpty();
                    failure.set(e);
                });
        assertThat(admin.resources()).as("Personalize resources left by the rollback").isEmpty();
        assertThat(options.stateStore().load(PERSONALIZE)).isEmpty();
        assertThat(options.stateStore().load(DATA)).as("the stack before the failed one stays, as with cdk deploy")
                .isPresent();
        return failure.get();
    }

    /** Deploys a stage whose dataset group must fail, checks the failure report and the rollback, answers it. */
    private DeploymentFailedException deployFailingAtTheDatasetGroup(CloudAssembly assembly, DeployOptions options) {
        AtomicReference<DeploymentFailedException> failure = new AtomicReference<>();
        assertThatThrownBy(() -> deployer.deploy(assembly, SynthesizedDev.STAGE, options))
                .isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
                    assertThat(e.stackName()).isEqualTo(PERSONALIZE);
                    assertThat(e.logicalId()).startsWith("DatasetGroup");
                    assertThat(e.resourceType()).isEqualTo("Custom::PersonalizeDatasetGroup");
                    assertThat(e.reason()).startsWith("Custom::PersonalizeDatasetGroup movierec-dev-dataset-group");
                    assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
                    assertThat(e.rollbackProblems()).isEmpty();
                    failure.set(e);
                });
        assertThat(admin.resources()).as("Personalize resources left by the rollback").isEmpty();
        assertThat(options.stateStore().load(PERSONALIZE)).isEmpty();
        return failure.get();
    }

    private static StackState data(DeployOptions options) {
        return options.stateStore().load(DATA).orElseThrow();
    }

    private static String bucket(StackState data) {
        return data.outputValues().get("DataBucketName");
    }

    private static ResourceRecord onlyOfType(StackState stack, String type) {
        List<ResourceRecord> records = stack.resources().values().stream().filter(r -> r.type().equals(type))
                .toList();
        assertThat(records).as("%s resources of %s", type, stack.stackName()).hasSize(1);
        return records.get(0);
    }

    /** The Personalize stack's role for the service: the one role personalize.amazonaws.com may assume. */
    private static ObjectNode serviceRole(ObjectNode personalizeTemplate) {
        return properties(personalizeTemplate, "AWS::IAM::Role", role -> role.path("Properties")
                .path("AssumeRolePolicyDocument").path("Statement").findValuesAsText("Service")
                .contains(PERSONALIZE_SERVICE), "assumable by " + PERSONALIZE_SERVICE);
    }

    /** The document of the role's inline policy holding statement {@code sid}. */
    private static JsonNode inlinePolicyWith(ObjectNode role, String sid) {
        for (JsonNode policy : role.path("Policies")) {
            if (hasStatement(policy.path("PolicyDocument"), sid)) {
                return policy.path("PolicyDocument");
            }
        }
        throw new AssertionError("no inline policy of the role has a statement " + sid + ": " + role.path("Policies"));
    }

    private List<AccessLog.Call> denied() {
        return engine.account.authorizer().log().denied();
    }

    /** IAM's sentence for a call no identity-based policy allows (IAM User Guide, access denied messages). */
    private static String accessDenied(String principal, String action, String resource) {
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }
}
