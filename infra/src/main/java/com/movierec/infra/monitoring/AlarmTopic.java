package com.movierec.infra.monitoring;

import com.movierec.infra.config.MonitoringSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where the alarms go: the topic {@code monitoring.alarmTopicArn} names, or else a topic of the environment's own,
 * {@code movierec-<env>-alarms}, encrypted with a key of its own (rotated) and refusing publishes without TLS. A
 * CloudWatch alarm publishes as {@code cloudwatch.amazonaws.com}, so the topic policy lets that principal publish
 * and the key policy lets it use the key, both only for this account's alarms named {@code movierec-<env>-*}. With
 * {@code monitoring.alarmEmail} the address is subscribed (SNS asks it to confirm first).
 */
final class AlarmTopic extends Construct {
    static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private final ITopic topic;

    /** @param alarmPrefix what every alarm of the environment is named with, e.g. {@code movierec-dev-} */
    AlarmTopic(Construct scope, String id, String alarmPrefix, MonitoringSettings settings) {
        super(scope, id);
        topic = settings.alarmTopicArn()
                .map(arn -> Topic.fromTopicArn(this, "Imported", arn))
                .orElseGet(() -> ownTopic(alarmPrefix));
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
    }

    ITopic topic() {
        return topic;
    }

    private Topic ownTopic(String alarmPrefix) {
        Map<String, Object> onlyOurAlarms = onlyAlarms(alarmPrefix);
        Key key = Key.Builder.create(this, "Key")
                .description("Encrypts the " + alarmPrefix + "alarms topic")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsUseKey")
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(onlyOurAlarms)
                .build());
        Topic own = Topic.Builder.create(this, "Topic")
                .topicName(alarmPrefix + "alarms")
                .displayName(alarmPrefix + "alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        own.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublish")
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(own.getTopicArn()))
                .conditions(onlyOurAlarms)
                .build());
        return own;
    }

    /** CloudWatch acting for an alarm of this account and region whose name starts with the prefix. */
    private Map<String, Object> onlyAlarms(String alarmPrefix) {
        Stack stack = Stack.of(this);
        String alarms = stack.formatArn(ArnComponents.builder()
                .service("cloudwatch")
                .resource("alarm")
                .resourceName(alarmPrefix + "*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        // Sorted, so the template is the same on every synth.
        Map<String, Object> conditions = new TreeMap<>();
        conditions.put("ArnLike", Map.of("aws:SourceArn", alarms));
        conditions.put("StringEquals", Map.of("aws:SourceAccount", stack.getAccount()));
        return conditions;
    }
}
