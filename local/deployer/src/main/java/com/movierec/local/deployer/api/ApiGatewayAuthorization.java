package com.movierec.local.deployer.api;

import com.movierec.local.deployer.api.DeployedRestApi.AuthorizerSettings;
import com.movierec.local.deployer.api.DeployedRestApi.MethodAuth;
import com.movierec.local.deployer.auth.LocalCognito;
import com.movierec.local.deployer.deploy.StageDeployment;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The method authorization API Gateway applies before the Lambda, from the deployed stage: for a method whose
 * AuthorizationType is {@code COGNITO_USER_POOLS}, its authorizer ({@link CognitoAuthorizer}) against the stage's
 * local user pools; a refusal is the UNAUTHORIZED gateway response as the API customizes it. Methods without a
 * Cognito authorizer pass as before (the local adapter checks neither API keys nor SigV4).
 */
public final class ApiGatewayAuthorization {
    /** Nothing checked: the API without a deployed REST API in front (the adapter's behaviour before jwt). */
    public static final ApiGatewayAuthorization NONE = new ApiGatewayAuthorization(DeployedRestApi.NONE,
            LocalCognito.of(java.util.List.of()), Clock.systemUTC());

    private final DeployedRestApi api;
    private final Map<String, CognitoAuthorizer> authorizers = new HashMap<>();

    /** Either the claims for {@code requestContext.authorizer} or API Gateway's own response. */
    sealed interface Outcome permits Allowed, Refused {
    }

    /** @param authorizerContext {@code requestContext.authorizer}: {@code {"claims": {...}}}, or null */
    record Allowed(Map<String, Object> authorizerContext) implements Outcome {
    }

    record Refused(GatewayResponse response) implements Outcome {
    }

    public ApiGatewayAuthorization(DeployedRestApi api, LocalCognito cognito, Clock clock) {
        this.api = api;
        for (AuthorizerSettings settings : api.authorizers().values()) {
            if (DeployedRestApi.COGNITO_USER_POOLS.equals(settings.type())) {
                authorizers.put(settings.authorizerId(), new CognitoAuthorizer(settings, cognito, clock));
            }
        }
    }

    /** The deployed stage's methods and authorizers, verified against {@code cognito}'s pools. */
    public static ApiGatewayAuthorization of(StageDeployment deployment, LocalCognito cognito) {
        return new ApiGatewayAuthorization(DeployedRestApi.of(deployment), cognito, Clock.systemUTC());
    }

    public DeployedRestApi api() {
        return api;
    }

    /**
     * @param resourcePath  the matched resource, e.g. {@code /users/{userId}/recommendations}
     * @param requestHeader a request header by name, case-insensitively; null when absent
     */
    Outcome authorize(String httpMethod, String resourcePath, String requestId,
                      Function<String, String> requestHeader) {
        Optional<MethodAuth> method = api.method(httpMethod, resourcePath);
        if (method.isEmpty() || !DeployedRestApi.COGNITO_USER_POOLS.equals(method.get().authorizationType())) {
            return new Allowed(null);
        }
        CognitoAuthorizer authorizer = authorizers.get(method.get().authorizerId());
        if (authorizer == null) {
            // API Gateway refuses to deploy such a method; a template edited by hand could still have one.
            return new Refused(GatewayResponse.render(api, "AUTHORIZER_CONFIGURATION_ERROR", 500,
                    "AuthorizerConfigurationException", "Authorizer error", requestId, requestHeader));
        }
        CognitoAuthorizer.Decision decision = authorizer.authorize(requestHeader.apply(authorizer.identityHeader()),
                method.get().scopes());
        if (decision instanceof CognitoAuthorizer.Allow allow) {
            return new Allowed(Map.of("claims", allow.claims()));
        }
        return new Refused(GatewayResponse.render(api, "UNAUTHORIZED", 401, "UnauthorizedException",
                ((CognitoAuthorizer.Deny) decision).message(), requestId, requestHeader));
    }
}
