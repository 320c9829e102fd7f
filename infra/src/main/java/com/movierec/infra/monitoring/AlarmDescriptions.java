package com.movierec.infra.monitoring;

import java.math.BigDecimal;

/**
 * What each alarm says in CloudWatch and in its notification: what it means, the likely causes and what to do (the
 * same as the table in docs/operations.md, "Monitoring and alarms"). CloudWatch takes at most
 * {@value #MAX_LENGTH} characters.
 */
final class AlarmDescriptions {
    static final int MAX_LENGTH = 1024;
    private static final AlarmWindow API = AlarmWindow.API;
    private static final String QUIET = " (a 5-minute period with fewer than " + ApiMetrics.MIN_REQUESTS
            + " requests counts as 0)";

    private AlarmDescriptions() {
    }

    static String serverErrors(String environment, String apiName, double percent) {
        return checked(api(environment, apiName) + " answered " + percent(percent) + " or more of its requests with a "
                + "5xx status " + API.describe() + QUIET + ": callers get errors. Likely: Personalize failing or "
                + "throttling the function (503 UNAVAILABLE), the function timing out or crashing (see the function "
                + "alarms), a campaign being replaced by a deploy. Do: find the requestId of a failed call in the "
                + "API's access log, then its line in the function's log; check the dashboard's function and "
                + "campaign rows; roll back the deploy that started it.");
    }

    static String clientErrors(String environment, String apiName, double percent) {
        return checked(api(environment, apiName) + " answered " + percent(percent) + " or more of its requests with a "
                + "4xx status " + API.describe() + QUIET + ". Likely: a missing or rotated API key (403), a client "
                + "beyond the throttle or daily quota (429), a frontend release calling wrong paths or unknown ids "
                + "(400, 404). Do: count the access log by status, resourcePath and apiKeyId to find the caller; fix "
                + "the client, or raise api.throttle or api.quotaPerDay in cdk.json if the traffic is wanted.");
    }

    static String latency(String environment, String apiName, int milliseconds) {
        return checked(api(environment, apiName) + " took " + milliseconds + " ms or more for its slowest 1% of "
                + "requests " + API.describe() + QUIET + ". Likely: a campaign above its minProvisionedTPS while "
                + "Personalize scales it up (see campaign utilisation), Personalize retries, or cold starts after a "
                + "deploy. Do: compare Latency with IntegrationLatency and the campaigns' latency on the dashboard; "
                + "raise campaign.minProvisionedTPS for a saturated campaign, or api.memoryMb for a slow function.");
    }

    static String functionErrors(String environment) {
        return checked("The " + environment + " API's function (alias live) ended at least one invocation with an "
                + "error " + API.describe() + ": an exception out of the handler, a timeout or running out of "
                + "memory; API Gateway answered those calls with 5xx. Do: search the function's log group for ERROR "
                + "and 'Task timed out' and open the X-Ray traces of those requests; roll back the deploy that "
                + "started it, or raise api.memoryMb if it runs out of memory.");
    }

    static String functionThrottles(String environment) {
        return checked("Lambda refused at least one invocation of the " + environment + " API's function for lack "
                + "of concurrency " + API.describe() + "; those callers got errors. Likely: api.reservedConcurrency "
                + "set too low for the traffic, or other functions using up the account's concurrency in this "
                + "region. Do: raise api.reservedConcurrency (or set it to null), ask for a higher Lambda concurrency "
                + "quota, or lower api.throttle so API Gateway turns the excess away with 429 first.");
    }

    static String utilization(String environment, CampaignMetrics campaign, double percent) {
        return checked(campaign(environment, campaign) + " served " + percent(percent) + " or more of its "
                + "minProvisionedTPS (" + campaign.minProvisionedTps() + ") " + AlarmWindow.CAMPAIGN_LOAD.describe()
                + ", counting " + campaign.operation() + " calls per second. Above 100% Personalize scales the "
                + "campaign up, bills the actual TPS, and may drop or slow calls until the capacity is there. Do: if "
                + "the load is expected to last, raise campaign.minProvisionedTPS in cdk.json (billed every hour, "
                + "used or not); if not, find the caller in the API's access log (apiKeyId) and lower api.throttle.");
    }

    static String idle(String environment, CampaignMetrics campaign, AlarmWindow window) {
        return checked(campaign(environment, campaign) + " answered no " + campaign.operation() + " call "
                + window.describe() + " (no data counts as no call), yet it is billed for its minProvisionedTPS ("
                + campaign.minProvisionedTps() + " TPS) every hour. Likely: nobody uses the environment, the "
                + "frontends stopped asking for this kind of recommendation, or the API is down (see the API "
                + "alarms). Do: destroy an unused stage (npx cdk destroy -c env=" + environment + " '" + environment
                + "/*'), or set recipes." + campaign.slot().configKey() + " to null in cdk.json if nothing needs "
                + "this campaign.");
    }

    /** 1.0 as "1%", 2.5 as "2.5%". */
    static String percent(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "%";
    }

    private static String api(String environment, String apiName) {
        return "The " + environment + " API (" + apiName + ")";
    }

    private static String campaign(String environment, CampaignMetrics campaign) {
        return "The " + environment + " " + campaign.slot().configKey() + " campaign";
    }

    private static String checked(String description) {
        if (description.length() > MAX_LENGTH) {
            throw new IllegalStateException("an alarm description has " + description.length() + " characters; "
                    + "CloudWatch takes " + MAX_LENGTH + ": " + description);
        }
        return description;
    }
}
