package com.movierec.infra.monitoring;

import static com.movierec.infra.TemplateJson.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * Where the alarms go: the environment's own topic (KMS-encrypted with a rotated key, TLS only, publishable by
 * CloudWatch for this environment's alarms only), or the topic cdk.json names; an email subscription exactly when an
 * address is configured.
 */
class AlarmTopicTest {
    private static final String ALARMS = "arn:${AWS::Partition}:cloudwatch:eu-west-1:111122223333:alarm:movierec-dev-*";

    @TempDir
    static Path tmp;
    private static MonitoringStages stages;
    private static Template dev;
    private static Template ops;
    private static Template qa;

    @BeforeAll
    static void synthesize() {
        stages = MonitoringStages.synthesize(tmp);
        dev = stages.template("dev");
        ops = stages.template("ops");
        qa = stages.template("qa");
    }

    @Test
    void theEnvironmentsTopicIsEncryptedWithARotatedKeyOfItsOwn() {
        Capture key = new Capture();
        dev.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "TopicName", "movierec-dev-alarms",
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));

        JsonNode keyResource = TemplateJson.of(dev).resource(key.asString());
        assertThat(keyResource.path("Type").asText()).isEqualTo("AWS::KMS::Key");
        assertThat(keyResource.path("Properties").path("EnableKeyRotation").asBoolean()).isTrue();
    }

    @Test
    void theTopicRefusesPublishesWithoutTls() {
        dev.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Principal", "*",
                        "Action", "sns:Publish",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void onlyThisEnvironmentsAlarmsMayPublishAndUseTheKey() {
        JsonNode publish = statement(policy(dev, "AWS::SNS::TopicPolicy", "PolicyDocument"),
                "CloudWatchAlarmsPublish");
        JsonNode useKey = statement(policy(dev, "AWS::KMS::Key", "KeyPolicy"), "CloudWatchAlarmsUseKey");

        assertThat(publish.path("Effect").asText()).isEqualTo("Allow");
        assertThat(publish.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(publish.path("Action").asText()).isEqualTo("sns:Publish");
        assertThat(useKey.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(TemplateJson.texts(useKey.path("Action"))).containsExactly("kms:Decrypt", "kms:GenerateDataKey*");
        for (JsonNode statement : List.of(publish, useKey)) {
            assertThat(text(statement.path("Condition").path("ArnLike").path("aws:SourceArn"))).isEqualTo(ALARMS);
            assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
                    .isEqualTo("111122223333");
        }
        assertThat(stages.alarms("dev").keySet()).allMatch(name -> name.startsWith("movierec-dev-"));
    }

    @Test
    void anEmailIsSubscribedOnlyWhenConfigured() {
        dev.resourceCountIs("AWS::SNS::Subscription", 0);
        Capture topic = new Capture();
        ops.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", MonitoringStages.EMAIL,
                "TopicArn", Map.of("Ref", topic)));
        ops.resourceCountIs("AWS::SNS::Subscription", 1);
        assertThat(TemplateJson.of(ops).resource(topic.asString()).path("Type").asText())
                .isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void aConfiguredTopicIsUsedAsItIsAndNoTopicOrKeyIsCreated() {
        qa.resourceCountIs("AWS::SNS::Topic", 0);
        qa.resourceCountIs("AWS::SNS::TopicPolicy", 0);
        qa.resourceCountIs("AWS::KMS::Key", 0);
        assertThat(stages.alarms("qa")).isNotEmpty().allSatisfy((name, alarm) -> {
            assertThat(TemplateJson.texts(alarm.path("AlarmActions"))).containsExactly(MonitoringStages.QA_TOPIC);
            assertThat(TemplateJson.texts(alarm.path("OKActions"))).containsExactly(MonitoringStages.QA_TOPIC);
        });
        qa.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email",
                "Endpoint", MonitoringStages.QA_EMAIL,
                "TopicArn", MonitoringStages.QA_TOPIC));
    }

    @Test
    void everyVariantIsCleanForCdkNag() {
        for (MovieRecStage stage : stages.all()) {
            assertThat(describe(Annotations.fromStack(stage.apiStack())
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))).as(stage.getStageName()).isEmpty();
            assertThat(describe(Annotations.fromStack(stage.apiStack())
                    .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))).as(stage.getStageName()).isEmpty();
        }
    }

    private static JsonNode policy(Template template, String type, String property) {
        Map<String, JsonNode> resources = TemplateJson.of(template).resources(type);
        assertThat(resources).as(type).hasSize(1);
        return resources.values().iterator().next().path("Properties").path(property);
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.path("Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }
}
