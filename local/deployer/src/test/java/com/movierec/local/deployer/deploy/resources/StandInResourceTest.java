package com.movierec.local.deployer.deploy.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The identities stand-ins make up: the shapes Personalize validates, stable across runs. */
class StandInResourceTest {
    private final StandInResource standIns = new StandInResource();

    @Test
    void aRoleIsNamedByRoleNameOrAfterTheStackAndHasAnIamArn() {
        ResourceOutcome named = standIns.create(Requests.create("ServiceRole", "AWS::IAM::Role",
                "{\"RoleName\": \"movierec-dev-personalize-eu-west-1\"}"));
        ResourceOutcome unnamed = standIns.create(Requests.create("HandlerRole", "AWS::IAM::Role", "{}"));

        assertThat(named.physicalId()).isEqualTo("movierec-dev-personalize-eu-west-1");
        assertThat(named.attributes()).containsEntry("Arn",
                "arn:aws:iam::000000000000:role/movierec-dev-personalize-eu-west-1");
        assertThat(unnamed.physicalId()).isEqualTo("test-stack-HandlerRole");
    }

    @Test
    void aKmsKeyHasAStableKeyIdInItsArn() {
        ResourceOutcome key = standIns.create(Requests.create("DataKey", "AWS::KMS::Key", "{}"));

        assertThat(key.attributes().get("Arn")).isEqualTo("arn:aws:kms:eu-west-1:000000000000:key/" + key.physicalId())
                .isEqualTo(standIns.create(Requests.create("DataKey", "AWS::KMS::Key", "{}")).attributes().get("Arn"));
    }

    @Test
    void lambdaAndStateMachineRefsAreWhatCloudFormationAnswers() {
        assertThat(standIns.create(Requests.create("Fn", "AWS::Lambda::Function", "{}")).attributes())
                .containsEntry("Arn", "arn:aws:lambda:eu-west-1:000000000000:function:test-stack-Fn");
        assertThat(standIns.create(Requests.create("Version", "AWS::Lambda::Version",
                "{\"FunctionName\": \"test-stack-Fn\"}")).physicalId())
                .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:test-stack-Fn:1");
        assertThat(standIns.create(Requests.create("Watcher", "AWS::StepFunctions::StateMachine", "{}")).physicalId())
                .isEqualTo("arn:aws:states:eu-west-1:000000000000:stateMachine:test-stack-Watcher");
    }

    @Test
    void aRenameIsAReplacementAndAnyOtherTypeGetsAnArnOfTheUsualShape() {
        ResourceOutcome before = standIns.create(Requests.create("Logs", "AWS::Logs::LogGroup",
                "{\"LogGroupName\": \"a\"}"));
        ResourceOutcome after = standIns.update(Requests.update(Requests.record("Logs", "AWS::Logs::LogGroup", "a",
                "{\"LogGroupName\": \"a\"}", before.attributes()), "{\"LogGroupName\": \"b\"}"));

        assertThat(after.physicalId()).isNotEqualTo(before.physicalId()).isEqualTo("b");
        assertThat(standIns.create(Requests.create("Topic", "AWS::SNS::Topic", "{}")).attributes())
                .containsEntry("Arn", "arn:aws:sns:eu-west-1:000000000000:topic/test-stack-Topic");
    }
}
