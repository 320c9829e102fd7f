package com.movierec.infra.api;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.RestApi;

/** cdk-nag's API Gateway findings that are decisions rather than gaps, each on the one resource concerned. */
final class ApiGatewaySuppressions {
    private ApiGatewaySuppressions() {
    }

    static void apply(RestApi api, List<Method> operations, ApiAuth auth) {
        NagFindings.suppress(api, "AwsSolutions-APIG2", "The Lambda validates every parameter and body with the "
                + "limits of lambdas/api/openapi.yaml (its tests keep the two in step) and answers in the API's one "
                + "error format; a second set of rules in API Gateway models would drift from them.");
        NagFindings.suppress(api.getDeploymentStage(), "AwsSolutions-APIG3", "A WAF web ACL is an organisation-wide "
                + "decision (and cost) made outside this app; the stage and each API key are throttled, and the "
                + "usage plan can cap a key per day. Associate an ACL with the stage if the account has one.");
        NagFindings.suppress(api.getDeploymentStage(), "AwsSolutions-APIG6", "Execution logging needs the "
                + "account-wide API Gateway CloudWatch role, a setting shared by every API of the account and region "
                + "that this app does not own; every request is in the JSON access log and in X-Ray, and the Lambda "
                + "logs each one.");
        for (Method method : operations) {
            String path = method.getResource().getPath();
            if (path.equals(ApiRoutes.OPENAPI_DOCUMENT)) {
                String reason = "The OpenAPI document is public on purpose, so frontend developers can read it without "
                        + "a key; it holds no data and the stage throttles it.";
                NagFindings.suppress(method, "AwsSolutions-APIG4", reason);
                NagFindings.suppress(method, "AwsSolutions-COG4", reason);
            } else if (auth == ApiAuth.API_KEY) {
                NagFindings.suppress(method, "AwsSolutions-APIG4", "Callers present an API key of the stage's usage "
                        + "plan (api.auth \"apiKey\"), which identifies and throttles them; api.auth \"iam\" switches "
                        + "every method to AWS_IAM.");
                NagFindings.suppress(method, "AwsSolutions-COG4", "The API has no signed-in users to authorise: a "
                        + "frontend calls it with the usage plan's API key (api.auth \"apiKey\").");
            } else if (auth == ApiAuth.IAM) {
                NagFindings.suppress(method, "AwsSolutions-COG4", "Callers sign with AWS Signature Version 4 "
                        + "(AWS_IAM authorization, api.auth \"iam\"); there are no Cognito users to authorise.");
            }
        }
    }
}
