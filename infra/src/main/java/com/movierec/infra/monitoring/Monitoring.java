package com.movierec.infra.monitoring;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.MonitoringSettings;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.ServingResources;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * An environment's alarms and dashboard: the API's 5xx and 4xx rates and p99 latency, its function's errors and
 * throttles, and per campaign its load against minProvisionedTPS and whether anyone calls it at all. Every alarm is
 * named {@code movierec-<env>-<what>}, takes its threshold from {@code monitoring} in cdk.json, says in its
 * description what it means and what to do ({@link AlarmDescriptions}), and publishes to the alarm topic when it goes
 * into ALARM and when it is OK again.
 *
 * <p>It lives in the API stack: the function's alarms need the function's generated name, which another stack could
 * only import through an export of the API stack, and CloudFormation refuses to change an export while it is
 * imported. The campaigns' ARNs are built from their names (see {@link ServingResources}), so they need no export.
 */
public final class Monitoring extends Construct {
    private static final ComparisonOperator AT_LEAST = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    private static final ComparisonOperator BELOW = ComparisonOperator.LESS_THAN_THRESHOLD;

    private final String prefix;
    private final ITopic topic;
    private final List<Alarm> alarms = new ArrayList<>();

    public Monitoring(Construct scope, String id, EnvironmentConfig config, ServingResources serving,
                      ServedApi served) {
        super(scope, id);
        String environment = config.name();
        prefix = new PersonalizeNames(environment).prefix();
        MonitoringSettings settings = config.monitoring();
        topic = new AlarmTopic(this, "AlarmTopic", prefix, settings).topic();

        ApiMetrics api = new ApiMetrics(served);
        AlarmWindow window = AlarmWindow.API;
        TreatMissingData quietIsOk = TreatMissingData.NOT_BREACHING;
        alarm("Api5xxRate", "api-5xx-rate", api.alarmedServerErrorRate(), AT_LEAST, settings.api5xxPercent(),
                window, quietIsOk, AlarmDescriptions.serverErrors(environment, api.apiName(),
                        settings.api5xxPercent()));
        alarm("Api4xxRate", "api-4xx-rate", api.alarmedClientErrorRate(), AT_LEAST, settings.api4xxPercent(),
                window, quietIsOk, AlarmDescriptions.clientErrors(environment, api.apiName(),
                        settings.api4xxPercent()));
        alarm("ApiP99Latency", "api-p99-latency", api.alarmedP99Latency(), AT_LEAST, settings.p99LatencyMs(),
                window, quietIsOk, AlarmDescriptions.latency(environment, api.apiName(), settings.p99LatencyMs()));
        alarm("ApiFunctionErrors", "api-function-errors", api.functionErrors(), AT_LEAST, 1, window, quietIsOk,
                AlarmDescriptions.functionErrors(environment));
        alarm("ApiFunctionThrottles", "api-function-throttles", api.functionThrottles(), AT_LEAST, 1, window,
                quietIsOk, AlarmDescriptions.functionThrottles(environment));

        List<CampaignMetrics> campaigns = new ArrayList<>();
        serving.campaignArns().forEach((slot, arn) ->
                campaigns.add(new CampaignMetrics(slot, arn, config.campaign().minProvisionedTps())));
        AlarmWindow load = AlarmWindow.CAMPAIGN_LOAD;
        AlarmWindow idle = AlarmWindow.hours(settings.idleCampaignHours());
        for (CampaignMetrics campaign : campaigns) {
            String construct = campaign.slot().constructId() + "Campaign";
            String name = campaign.slot().nameSegment() + "-campaign-";
            alarm(construct + "Utilization", name + "utilization", campaign.utilization(load.period()), AT_LEAST,
                    settings.campaignUtilizationPercent(), load, quietIsOk,
                    AlarmDescriptions.utilization(environment, campaign, settings.campaignUtilizationPercent()));
            // No data is no call: Personalize publishes nothing for a campaign nobody calls.
            alarm(construct + "Idle", name + "idle", campaign.requests(idle.period()), BELOW, 1, idle,
                    TreatMissingData.BREACHING, AlarmDescriptions.idle(environment, campaign, idle));
        }
        new MonitoringDashboard(this, "Dashboard", prefix, settings, api, campaigns, alarms);
    }

    /** The alarms, API first, then two per campaign. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Where the alarms publish: the environment's own topic, or the one cdk.json names. */
    public ITopic topic() {
        return topic;
    }

    private void alarm(String id, String name, IMetric metric, ComparisonOperator comparison, double threshold,
                       AlarmWindow window, TreatMissingData missing, String description) {
        Alarm alarm = Alarm.Builder.create(this, id + "Alarm")
                .alarmName(prefix + name)
                .alarmDescription(description)
                .metric(metric)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .evaluationPeriods(window.evaluationPeriods())
                .datapointsToAlarm(window.datapointsToAlarm())
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
    }
}
