package com.movierec.infra.api;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.config.ApiSettings;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.constructs.Construct;

/**
 * The recommendations API of an environment: the REST API frontends call, the Java Lambda behind it (SnapStart, the
 * movie metadata in a layer) and its access to this environment's Personalize campaigns, filters and event tracker.
 * Callers never see an ARN: they get titles, years and genres, and errors in one JSON shape. With
 * {@code api.auth: "jwt"} it also holds the sign-in: a Cognito user pool (or an existing one's clients) whose ID tokens
 * the API's Cognito authorizer accepts.
 */
public final class ApiStack extends Stack {
    private final RestApi restApi;
    private final SignIn signIn;

    /**
     * What the page needs to sign in (its runtime config), as deploy-time values.
     *
     * @param userPoolId    the user pool's id, {@code <region>_<id>}
     * @param clientId      the page's app client
     * @param authDomainUrl the managed login domain's base URL, {@code https://...}
     */
    public record SignIn(String userPoolId, String clientId, String authDomainUrl) {
    }

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
        ApiSignIn users = settings.jwt().map(jwt -> new ApiSignIn(this, "SignIn", props.environment(), jwt,
                props.retainUsers())).orElse(null);
        restApi = new RecommendationsApi(this, "Gateway", props.environment(), settings, function.alias(), users)
                .restApi();

        output("ApiUrl", "The API's base URL (the " + props.environment() + " stage)", restApi.getUrl());
        output("OpenApiDocumentUrl", "The API's OpenAPI document, readable without a key",
                restApi.urlForPath(ApiRoutes.OPENAPI_DOCUMENT));
        if (settings.auth() == ApiAuth.API_KEY) {
            IApiKey key = ApiKeyAccess.create(restApi, props.environment(), settings);
            output("ApiKeyId", "The frontend's API key; its value: aws apigateway get-api-key --include-value "
                    + "--api-key <this id>", key.getKeyId());
        }
        signIn = users == null ? null : new SignIn(users.userPool().getUserPoolId(),
                users.webClient().getUserPoolClientId(), users.authDomainUrl());
        if (signIn != null) {
            output("UserPoolId", "The Cognito user pool of the API's users (aws cognito-idp admin-create-user "
                    + "--user-pool-id <this id>)", signIn.userPoolId());
            output("ClientId", "The page's app client: authorization code with PKCE at the AuthDomain",
                    signIn.clientId());
            output("OperatorClientId", "The app client for admin sign-in with IAM credentials (aws cognito-idp "
                    + "admin-initiate-auth --auth-flow ADMIN_USER_PASSWORD_AUTH --client-id <this id>)",
                    users.operatorClient().getUserPoolClientId());
            output("AuthDomain", "The managed login domain: /oauth2/authorize, /oauth2/token and /logout",
                    signIn.authDomainUrl());
        }
    }

    public RestApi restApi() {
        return restApi;
    }

    /** The page's sign-in values with {@code api.auth: "jwt"}; empty otherwise. */
    public Optional<SignIn> signIn() {
        return Optional.ofNullable(signIn);
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}
