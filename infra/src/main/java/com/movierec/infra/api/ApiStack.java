package com.movierec.infra.api;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.config.ApiSettings;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.constructs.Construct;

/**
 * The recommendations API of an environment: the REST API frontends call, the Java Lambda behind it (SnapStart, the
 * movie metadata in a layer) and its access to this environment's Personalize campaigns, filters and event tracker.
 * Callers never see an ARN: they get titles, years and genres, and errors in one JSON shape.
 */
public final class ApiStack extends Stack {
    private final RestApi restApi;

    public ApiStack(Construct scope, String id, ApiStackProps props) {
        super(scope, id, StackProps.builder()
                .stackName(props.stackName())
                .description("movierec " + props.environment() + ": recommendations API (API Gateway REST API, "
                        + "Lambda)")
                .build());
        ApiSettings settings = props.settings();
        ApiDataLayer data = new ApiDataLayer(this, "DataLayer", props.preparedData(), props.layerBuildRoot());
        ApiFunction function = new ApiFunction(this, "Handler", props.apiJar(), data.layer(), props.serving(),
                settings);
        restApi = new RecommendationsApi(this, "Gateway", props.environment(), settings, function.alias()).restApi();

        output("ApiUrl", "The API's base URL (the " + props.environment() + " stage)", restApi.getUrl());
        output("OpenApiDocumentUrl", "The API's OpenAPI document, readable without a key",
                restApi.urlForPath(ApiRoutes.OPENAPI_DOCUMENT));
        if (settings.auth() == ApiAuth.API_KEY) {
            IApiKey key = ApiKeyAccess.create(restApi, props.environment(), settings);
            output("ApiKeyId", "The frontend's API key; its value: aws apigateway get-api-key --include-value "
                    + "--api-key <this id>", key.getKeyId());
        }
    }

    public RestApi restApi() {
        return restApi;
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}
