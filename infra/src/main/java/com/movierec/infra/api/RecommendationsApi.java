package com.movierec.infra.api;

import com.movierec.infra.config.ApiAuth;
import com.movierec.infra.config.ApiSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.CfnAuthorizer;
import software.amazon.awscdk.services.apigateway.CognitoUserPoolsAuthorizer;
import software.amazon.awscdk.services.apigateway.CorsOptions;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API: a method per OpenAPI operation, each a Lambda proxy integration of the function's alias; one stage
 * named after the environment with throttling, JSON access logs, X-Ray tracing and metrics; CORS preflights answered
 * by API Gateway itself for the configured origins (no key needed for OPTIONS); gateway errors in the API's shape.
 * With {@code api.auth: "jwt"} every operation but the public document has the Cognito authorizer of the sign-in's
 * user pool.
 */
final class RecommendationsApi extends Construct {
    /** The headers a browser may send: content type, the API key, the ID token, and SigV4's for api.auth "iam". */
    static final List<String> CORS_HEADERS =
            List.of("Content-Type", "X-Api-Key", "Authorization", "X-Amz-Date", "X-Amz-Security-Token");
    /** One JSON object per request. resourcePath is the route template: ids in paths are never logged. */
    static final Map<String, String> ACCESS_LOG_FIELDS = accessLogFields();

    private final RestApi api;

    /** The header the Cognito authorizer reads the ID token from. */
    static final String TOKEN_HEADER = "Authorization";

    /** @param signIn the user pool and its clients; null unless api.auth is jwt */
    RecommendationsApi(Construct scope, String id, String environment, ApiSettings settings, IFunction target,
                       ApiSignIn signIn) {
        super(scope, id);
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        RestApi.Builder builder = RestApi.Builder.create(this, "Api")
                .restApiName("movierec-" + environment + "-api")
                .description("movierec " + environment + ": movie recommendations with titles, years and genres")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(environment)
                        .throttlingRateLimit(settings.throttle().rateLimit())
                        .throttlingBurstLimit(settings.throttle().burstLimit())
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.custom(accessLogFormat()))
                        .tracingEnabled(true)
                        .metricsEnabled(true)
                        .build());
        if (!settings.allowedOrigins().isEmpty()) {
            builder.defaultCorsPreflightOptions(CorsOptions.builder()
                    .allowOrigins(settings.allowedOrigins())
                    .allowMethods(List.of("GET", "POST", "OPTIONS"))
                    .allowHeaders(CORS_HEADERS)
                    .maxAge(Duration.minutes(10))
                    .build());
        }
        api = builder.build();
        // RestApi always outputs its URL under a generated name; the stack outputs it as ApiUrl instead.
        api.getNode().tryRemoveChild("Endpoint");

        LambdaIntegration integration = LambdaIntegration.Builder.create(target)
                .proxy(true)
                // Only the stage may invoke the alias; the console's test button would need a permission of its own.
                .allowTestInvoke(false)
                .build();
        CognitoUserPoolsAuthorizer authorizer = signIn == null ? null : authorizer(environment, signIn);
        List<Method> operations = new ArrayList<>();
        for (ApiRoutes.Route route : ApiRoutes.ALL) {
            operations.add(api.getRoot().resourceForPath(route.path())
                    .addMethod(route.httpMethod(), integration, access(route, settings.auth(), authorizer)));
        }
        GatewayErrorResponses.addTo(api, settings.auth(), settings.allowedOrigins());
        ApiGatewaySuppressions.apply(api, operations, settings.auth());
    }

    RestApi restApi() {
        return api;
    }

    /**
     * The ID token in {@value #TOKEN_HEADER}, checked against the pool's keys, issuer and expiry (no result cache, so
     * an expired token is refused at once) and, by the identity validation expression, its {@code aud}: only the
     * stack's own clients' tokens are accepted, not those of other clients an existing pool may have.
     */
    private CognitoUserPoolsAuthorizer authorizer(String environment, ApiSignIn signIn) {
        CognitoUserPoolsAuthorizer authorizer = CognitoUserPoolsAuthorizer.Builder.create(this, "Authorizer")
                .authorizerName("movierec-" + environment + "-users")
                .cognitoUserPools(List.of(signIn.userPool()))
                .identitySource("method.request.header." + TOKEN_HEADER)
                .resultsCacheTtl(Duration.seconds(0))
                .build();
        ((CfnAuthorizer) authorizer.getNode().getDefaultChild()).setIdentityValidationExpression(Fn.join("", List.of(
                "^(", signIn.webClient().getUserPoolClientId(), "|", signIn.operatorClient().getUserPoolClientId(),
                ")$")));
        return authorizer;
    }

    private static MethodOptions access(ApiRoutes.Route route, ApiAuth auth, CognitoUserPoolsAuthorizer authorizer) {
        if (route.isPublic()) {
            return MethodOptions.builder().authorizationType(AuthorizationType.NONE).apiKeyRequired(false).build();
        }
        return switch (auth) {
            case IAM -> MethodOptions.builder().authorizationType(AuthorizationType.IAM).apiKeyRequired(false).build();
            case JWT -> MethodOptions.builder().authorizationType(AuthorizationType.COGNITO).authorizer(authorizer)
                    .apiKeyRequired(false).build();
            case API_KEY -> MethodOptions.builder().authorizationType(AuthorizationType.NONE).apiKeyRequired(true)
                    .build();
        };
    }

    private static Map<String, String> accessLogFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTimeEpoch", "$context.requestTimeEpoch");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("resourcePath", "$context.resourcePath");
        fields.put("status", "$context.status");
        fields.put("protocol", "$context.protocol");
        fields.put("responseLength", "$context.responseLength");
        fields.put("responseLatencyMs", "$context.responseLatency");
        fields.put("integrationLatencyMs", "$context.integrationLatency");
        fields.put("errorType", "$context.error.responseType");
        fields.put("apiKeyId", "$context.identity.apiKeyId");
        fields.put("callerArn", "$context.identity.userArn");
        // api.auth jwt: the signed-in user's Cognito id (sub), an opaque id, never an email or name.
        fields.put("userSub", "$context.authorizer.claims.sub");
        fields.put("xrayTraceId", "$context.xrayTraceId");
        return fields;
    }

    /** Every value quoted: a variable API Gateway has no value for is "-", which would break unquoted JSON. */
    static String accessLogFormat() {
        return ACCESS_LOG_FIELDS.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\":\"" + field.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
