package com.movierec.infra.monitoring;

import com.movierec.infra.config.MonitoringSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

/**
 * The environment's dashboard, {@code movierec-<env>-<region>} (dashboard names are global to the account): the
 * alarms' states, then a row each for the API, its function and the campaigns, every graph over 5-minute periods and
 * marked with its alarm's threshold.
 */
final class MonitoringDashboard extends Construct {
    static final int WIDTH = 24;
    static final int HEIGHT = 6;
    private static final Duration PERIOD = ApiMetrics.PERIOD;

    MonitoringDashboard(Construct scope, String id, String prefix, MonitoringSettings settings, ApiMetrics api,
                        List<CampaignMetrics> campaigns, List<Alarm> alarms) {
        super(scope, id);
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(prefix + Stack.of(this).getRegion())
                .build();
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title("Alarms")
                .alarms(new ArrayList<IAlarm>(alarms))
                .width(WIDTH)
                .height(2 + (alarms.size() + 3) / 4)
                .build());

        dashboard.addWidgets(heading("API: " + api.apiName() + " (API Gateway)"));
        dashboard.addWidgets(
                graph("Requests and errors", List.of(api.requests(), api.clientErrors(), api.serverErrors()), 3),
                graph("Error rates (%)", List.of(api.serverErrorRate(), api.clientErrorRate()), 3,
                        threshold("5xx alarm", settings.api5xxPercent()),
                        threshold("4xx alarm", settings.api4xxPercent())),
                graph("Latency (ms)", List.of(api.latency("p50"), api.latency("p99"), api.integrationLatency("p99")),
                        3, threshold("p99 alarm", settings.p99LatencyMs())));

        dashboard.addWidgets(heading("API function (Lambda, alias live)"));
        dashboard.addWidgets(
                graph("Invocations, errors, throttles", List.of(api.functionInvocations(), api.functionErrors(),
                        api.functionThrottles()), 2),
                graph("Duration (ms)", List.of(api.functionDuration("p50"), api.functionDuration("p99"),
                        api.functionDuration("Maximum")), 2));

        dashboard.addWidgets(heading("Campaigns (Personalize)"));
        dashboard.addWidgets(
                graph("Requests per second", each(campaigns, c -> c.requestsPerSecond(PERIOD)), 3),
                graph("Utilisation (% of minProvisionedTPS)", each(campaigns, c -> c.utilization(PERIOD)), 3,
                        threshold("utilisation alarm", settings.campaignUtilizationPercent())),
                graph("Latency (ms)", each(campaigns, c -> c.latency(PERIOD)), 3));
    }

    private static TextWidget heading(String text) {
        return TextWidget.Builder.create().markdown("## " + text).width(WIDTH).height(1).build();
    }

    private static GraphWidget graph(String title, List<? extends IMetric> metrics, int perRow,
                                     HorizontalAnnotation... thresholds) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(new ArrayList<IMetric>(metrics))
                .leftAnnotations(List.of(thresholds))
                .period(PERIOD)
                .width(WIDTH / perRow)
                .height(HEIGHT)
                .build();
    }

    private static HorizontalAnnotation threshold(String label, double value) {
        return HorizontalAnnotation.builder().label(label).value(value).build();
    }

    private static List<IMetric> each(List<CampaignMetrics> campaigns, Function<CampaignMetrics, IMetric> metric) {
        return campaigns.stream().map(metric).toList();
    }
}
