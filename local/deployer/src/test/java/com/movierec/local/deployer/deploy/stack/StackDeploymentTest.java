package com.movierec.local.deployer.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.deploy.resources.Requests;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.resources.UnsupportedResourceException;
import com.movierec.local.deployer.deploy.state.InMemoryStateStore;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CloudFormation's create, update, cleanup and rollback semantics on a small template of {@link ScriptedHandler}
 * resources: Group, then Solution and Extra in it, then Campaign on the Solution.
 */
class StackDeploymentTest {
    private static final String V1 = """
            {"Resources": {
              "Group": {"Type": "Test::Thing", "Properties": {"Name": "g"}},
              "Extra": {"Type": "Test::Thing", "Properties": {"Name": "x", "Group": {"Ref": "Group"}}},
              "Solution": {"Type": "Test::Thing",
                           "Properties": {"Name": "s", "GroupArn": {"Fn::GetAtt": ["Group", "Arn"]}}},
              "Campaign": {"Type": "Test::Thing", "Properties": {"Name": "c", "Tps": 1,
                           "SolutionArn": {"Fn::GetAtt": ["Solution", "Arn"]}}}},
             "Outputs": {"CampaignArn": {"Value": {"Fn::GetAtt": ["Campaign", "Arn"]},
                                         "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-CampaignArn"}}}}}
            """;
    /** Solution renamed (a replacement), Campaign at 2 TPS (in place), Extra gone, Tracker new after Campaign. */
    private static final String V2 = """
            {"Resources": {
              "Group": {"Type": "Test::Thing", "Properties": {"Name": "g"}},
              "Solution": {"Type": "Test::Thing",
                           "Properties": {"Name": "s2", "GroupArn": {"Fn::GetAtt": ["Group", "Arn"]}}},
              "Campaign": {"Type": "Test::Thing", "Properties": {"Name": "c", "Tps": 2,
                           "SolutionArn": {"Fn::GetAtt": ["Solution", "Arn"]}}},
              "Tracker": {"Type": "Test::Thing", "DependsOn": "Campaign", "Properties": {"Name": "t"}}},
             "Outputs": {"CampaignArn": {"Value": {"Fn::GetAtt": ["Campaign", "Arn"]}}}}
            """;

    private final ScriptedHandler handler = new ScriptedHandler();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final List<StackEvent> events = new ArrayList<>();
    private final StackServices services = new StackServices(type -> {
        if (type.equals("Test::Unknown")) {
            throw new UnsupportedResourceException("no " + type);
        }
        return handler;
    }, store, events::add, ExportLookup.of(store));

    @Test
    void createMakesEveryResourceAfterWhatItNeedsAndRecordsOutputsAndExports() {
        StackState state = deploy(V1);

        assertThat(handler.calls).containsExactly("create Group", "create Extra", "create Solution", "create Campaign");
        assertThat(state.status()).isEqualTo(ResourceStatus.CREATE_COMPLETE);
        assertThat(state.physicalId("Campaign")).isEqualTo("phys-c");
        assertThat(state.resource("Campaign").orElseThrow().properties().toString())
                .isEqualTo("{\"Name\":\"c\",\"Tps\":1,\"SolutionArn\":\"arn:s\"}");
        assertThat(state.outputs().get("CampaignArn").export()).hasValue("test-stack-CampaignArn");
        assertThat(ExportLookup.of(store).value("test-stack-CampaignArn")).hasValue("arn:c");
    }

    @Test
    void updateTouchesOnlyWhatChangedThenDeletesWhatWasReplacedOrRemovedDependantsFirst() {
        deploy(V1);
        handler.calls.clear();
        events.clear();

        StackState state = deploy(V2);

        assertThat(handler.calls).containsExactly(
                "update Solution {\"Name\":\"s2\",\"GroupArn\":\"arn:g\"}",
                "update Campaign {\"Name\":\"c\",\"Tps\":2,\"SolutionArn\":\"arn:s2\"}",
                "create Tracker",
                "delete Solution phys-s",
                "delete Extra phys-x");
        assertThat(state.status()).isEqualTo(ResourceStatus.UPDATE_COMPLETE);
        assertThat(state.resources().keySet()).containsExactly("Group", "Solution", "Campaign", "Tracker");
        assertThat(state.physicalId("Solution")).isEqualTo("phys-s2");
        assertThat(events).filteredOn(StackEvent::isStackEvent).extracting(StackEvent::status).containsExactly(
                ResourceStatus.UPDATE_IN_PROGRESS, ResourceStatus.UPDATE_COMPLETE_CLEANUP_IN_PROGRESS,
                ResourceStatus.UPDATE_COMPLETE);
        assertThat(events).anySatisfy(event -> assertThat(event.reason()).hasValue(
                "Requested update requires the creation of a new physical resource; hence creating one."));
    }

    @Test
    void eventsCarryThePhysicalIdOnceTheResourceHasOneAndAReplacementReportsTheNewOne() {
        deploy(V1);
        deploy(V2);
        destroy();

        assertThat(events).filteredOn(event -> event.logicalId().equals("Solution"))
                .extracting(event -> event.status() + " " + event.physicalId().orElse("-"))
                .containsExactly("CREATE_IN_PROGRESS -", "CREATE_COMPLETE phys-s",
                        "UPDATE_IN_PROGRESS phys-s", "UPDATE_IN_PROGRESS phys-s2", "UPDATE_COMPLETE phys-s2",
                        "DELETE_IN_PROGRESS phys-s", "DELETE_COMPLETE phys-s",
                        "DELETE_IN_PROGRESS phys-s2", "DELETE_COMPLETE phys-s2");
        assertThat(events).filteredOn(StackEvent::isStackEvent).allSatisfy(event ->
                assertThat(event.physicalId()).isEmpty());
    }

    @Test
    void aFailedCreateDeletesEverythingItMadeInReverseIncludingTheResourceThatGotAPhysicalId() {
        handler.failOn("create", "Campaign", new ResourceFailure("Campaign c is CREATE FAILED: no model",
                "phys-c-started", null));

        assertThatThrownBy(() -> deploy(V1)).isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
            assertThat(e).hasMessage("Campaign (Test::Thing) failed: Campaign c is CREATE FAILED: no model; stack "
                    + "test-stack is ROLLBACK_COMPLETE");
            assertThat(e.finalStatus()).isEqualTo(ResourceStatus.ROLLBACK_COMPLETE);
        });
        assertThat(handler.calls).containsExactly("create Group", "create Extra", "create Solution", "create Campaign",
                "delete Campaign phys-c-started", "delete Solution phys-s", "delete Extra phys-x",
                "delete Group phys-g");
        assertThat(store.load("test-stack")).isEmpty();
    }

    @Test
    void aFailedUpdateRevertsInPlaceChangesAndDeletesReplacementsLeavingTheOldState() {
        StackState before = deploy(V1);
        handler.calls.clear();
        handler.failOn("create", "Tracker", new ResourceFailure("LimitExceededException: one tracker per group"));

        assertThatThrownBy(() -> deploy(V2)).isInstanceOfSatisfying(DeploymentFailedException.class, e ->
                assertThat(e.finalStatus()).isEqualTo(ResourceStatus.UPDATE_ROLLBACK_COMPLETE));

        assertThat(handler.calls).containsExactly(
                "update Solution {\"Name\":\"s2\",\"GroupArn\":\"arn:g\"}",
                "update Campaign {\"Name\":\"c\",\"Tps\":2,\"SolutionArn\":\"arn:s2\"}",
                "create Tracker",
                "update Campaign {\"Name\":\"c\",\"Tps\":1,\"SolutionArn\":\"arn:s\"}",
                "delete Solution phys-s2");
        StackState after = store.load("test-stack").orElseThrow();
        assertThat(after.resources()).isEqualTo(before.resources());
        assertThat(after.outputs()).isEqualTo(before.outputs());
        assertThat(after.status()).isEqualTo(ResourceStatus.UPDATE_ROLLBACK_COMPLETE);
    }

    @Test
    void aDeleteThatFailsInTheCleanupIsReportedButTheUpdateCompletes() {
        deploy(V1);
        handler.failOn("delete", "Extra", new ResourceFailure("ResourceInUseException: still used"));

        StackState state = deploy(V2);

        assertThat(state.status()).isEqualTo(ResourceStatus.UPDATE_COMPLETE);
        assertThat(state.resources()).doesNotContainKey("Extra");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.logicalId()).isEqualTo("Extra");
            assertThat(event.status()).isEqualTo(ResourceStatus.DELETE_FAILED);
        });
    }

    @Test
    void anUnsupportedTypeOrATypeChangeIsRefusedBeforeAnythingIsDone() {
        assertThatThrownBy(() -> deploy(V1.replace("\"Group\": {\"Type\": \"Test::Thing\"",
                "\"Group\": {\"Type\": \"Test::Unknown\""))).isInstanceOf(UnsupportedResourceException.class);
        assertThat(handler.calls).isEmpty();

        deploy(V1);
        handler.calls.clear();
        assertThatThrownBy(() -> deploy(V1.replace("\"Extra\": {\"Type\": \"Test::Thing\"",
                "\"Extra\": {\"Type\": \"Test::Other\""))).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> deploy(V1.replace("{\"Ref\": \"Group\"}", "{\"Ref\": \"Missing\"}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Template format error: Unresolved resource dependencies [Missing] in the Resources block "
                        + "of the template");
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void destroyDeletesDependantsFirstKeepsRetainedResourcesAndLeavesWhatAFailedDeleteStillNeeds() {
        deploy(V1.replace("\"Extra\": {\"Type\": \"Test::Thing\",", "\"Extra\": {\"Type\": \"Test::Thing\", "
                + "\"DeletionPolicy\": \"Retain\","));
        handler.calls.clear();
        handler.failOn("delete", "Solution", new ResourceFailure("ResourceInUseException: a campaign uses it"));

        assertThatThrownBy(() -> destroy()).isInstanceOfSatisfying(DeploymentFailedException.class, e -> {
            assertThat(e.logicalId()).isEqualTo("Solution");
            assertThat(e.finalStatus()).isEqualTo(ResourceStatus.DELETE_FAILED);
        });
        assertThat(handler.calls).containsExactly("delete Campaign phys-c", "delete Solution phys-s");
        assertThat(store.load("test-stack").orElseThrow().resources().keySet()).containsExactly("Group", "Solution");

        handler.calls.clear();
        destroy();
        assertThat(handler.calls).containsExactly("delete Solution phys-s", "delete Group phys-g");
        assertThat(store.load("test-stack")).isEmpty();
        assertThat(events).anySatisfy(event -> assertThat(event.status()).isEqualTo(ResourceStatus.DELETE_SKIPPED));
    }

    private StackState deploy(String template) {
        return new StackDeployment(Template.parse(template), stack(), "test/Stack", Map.of(), services).deploy();
    }

    private void destroy() {
        new StackDestruction(stack(), "test/Stack", services).destroy();
    }

    private static StackContext stack() {
        return Requests.STACK;
    }
}
