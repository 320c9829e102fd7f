package com.movierec.infra.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Alias;

/**
 * The REST API's stage metrics ({@code AWS/ApiGateway}, dimensions {@code ApiName} and {@code Stage}) and its
 * function alias' metrics ({@code AWS/Lambda}, dimensions {@code FunctionName} and {@code Resource} =
 * {@code <function>:<alias>}), every one over {@link #PERIOD}.
 */
final class ApiMetrics {
    static final Duration PERIOD = Duration.minutes(AlarmWindow.API.periodMinutes());
    /**
     * Below this many requests in a period the error-rate and latency alarms see 0: on a quiet API one error is a
     * large percentage and one cold call is the p99, and neither says anything about the service.
     */
    static final int MIN_REQUESTS = 20;
    static final String NAMESPACE = "AWS/ApiGateway";

    private final String apiName;
    private final String stageName;
    private final Alias handler;

    ApiMetrics(ServedApi api) {
        this.apiName = api.restApi().getRestApiName();
        this.stageName = api.restApi().getDeploymentStage().getStageName();
        this.handler = api.handler();
    }

    String apiName() {
        return apiName;
    }

    /** Requests: API Gateway's {@code Count}, whose SampleCount is the number of requests. */
    Metric requests() {
        return api("Count", "SampleCount", "Requests");
    }

    Metric serverErrors() {
        return api("5XXError", "Sum", "5xx responses");
    }

    Metric clientErrors() {
        return api("4XXError", "Sum", "4xx responses");
    }

    /** {@code Latency}: from API Gateway receiving the request to its answer, the integration included. */
    Metric latency(String statistic) {
        return api("Latency", statistic, statistic + " latency");
    }

    Metric integrationLatency(String statistic) {
        return api("IntegrationLatency", statistic, statistic + " integration latency");
    }

    /** {@code 100 * serverErrors / requests}, what the dashboard shows. */
    MathExpression serverErrorRate() {
        return rate("serverErrors", serverErrors(), "5xx rate", false);
    }

    MathExpression clientErrorRate() {
        return rate("clientErrors", clientErrors(), "4xx rate", false);
    }

    /** The 5xx rate, or 0 in a period with fewer than {@link #MIN_REQUESTS} requests: what the alarm watches. */
    MathExpression alarmedServerErrorRate() {
        return rate("serverErrors", serverErrors(), "5xx rate (%)", true);
    }

    MathExpression alarmedClientErrorRate() {
        return rate("clientErrors", clientErrors(), "4xx rate (%)", true);
    }

    /** p99 latency, or 0 in a period with fewer than {@link #MIN_REQUESTS} requests. */
    MathExpression alarmedP99Latency() {
        return expression(guarded("latency"), "p99 latency (ms)", Map.of("latency", latency("p99")));
    }

    Metric functionInvocations() {
        return handler.metricInvocations(function("Sum", "Invocations"));
    }

    /** Invocations that ended in a function error: an exception out of the handler, a timeout, a crash. */
    Metric functionErrors() {
        return handler.metricErrors(function("Sum", "Errors"));
    }

    /** Invocations Lambda refused for lack of concurrency (reserved concurrency or the account's limit). */
    Metric functionThrottles() {
        return handler.metricThrottles(function("Sum", "Throttles"));
    }

    Metric functionDuration(String statistic) {
        return handler.metricDuration(function(statistic, statistic + " duration"));
    }

    private Metric api(String metricName, String statistic, String label) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("ApiName", apiName);
        dimensions.put("Stage", stageName);
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(dimensions)
                .statistic(statistic)
                .period(PERIOD)
                .label(label)
                .build();
    }

    private MathExpression rate(String id, Metric errors, String label, boolean forAlarm) {
        String rate = "100 * " + id + " / requests";
        return expression(forAlarm ? guarded(rate) : rate, label, Map.of(id, errors));
    }

    private static String guarded(String expression) {
        return "IF(requests >= " + MIN_REQUESTS + ", " + expression + ", 0)";
    }

    private static MetricOptions function(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).label(label).build();
    }

    private MathExpression expression(String expression, String label, Map<String, IMetric> metrics) {
        Map<String, IMetric> using = new LinkedHashMap<>(metrics);
        using.put("requests", requests());
        return MathExpression.Builder.create()
                .expression(expression)
                .usingMetrics(using)
                .label(label)
                .period(PERIOD)
                .build();
    }
}
