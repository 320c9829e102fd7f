package com.movierec.infra.api;

import com.movierec.infra.config.ApiSettings;
import java.util.List;
import software.amazon.awscdk.services.apigateway.ApiKeyOptions;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;

/**
 * api.auth "apiKey": one key for the environment's frontend in a usage plan on the stage, which throttles it (and
 * counts it against the daily quota, when there is one). API Gateway generates the key's value; the stack outputs
 * only its id.
 */
final class ApiKeyAccess {
    private ApiKeyAccess() {
    }

    static IApiKey create(RestApi api, String environment, ApiSettings settings) {
        UsagePlanProps.Builder plan = UsagePlanProps.builder()
                .name("movierec-" + environment + "-api")
                .description("movierec " + environment + ": the frontend's key")
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.throttle().rateLimit())
                        .burstLimit(settings.throttle().burstLimit())
                        .build())
                .apiStages(List.of(UsagePlanPerApiStage.builder()
                        .api(api)
                        .stage(api.getDeploymentStage())
                        .build()));
        settings.quotaPerDay().ifPresent(limit -> plan.quota(QuotaSettings.builder()
                .limit(limit)
                .period(Period.DAY)
                .build()));
        UsagePlan usagePlan = api.addUsagePlan("UsagePlan", plan.build());
        IApiKey key = api.addApiKey("ApiKey", ApiKeyOptions.builder()
                .description("movierec " + environment + ": the frontend's key to the recommendations API")
                .build());
        usagePlan.addApiKey(key);
        return key;
    }
}
