package com.movierec.infra.api;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.api.ApiTemplates.only;
import static com.movierec.infra.api.ApiTemplates.operations;
import static com.movierec.infra.api.ApiTemplates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.movierec.infra.Fixtures;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.SynthesizedStages;
import com.movierec.infra.TemplateJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * The REST API of the API stack: throttling, auth, CORS, access logs, tracing, the alias integration and the gateway's
 * own errors, for dev (API key, quota, one origin), staging (the defaults), prod (two origins) and an IAM stage.
 */
class ApiGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "GET /openapi.yaml";

    @TempDir
    static Path tmp;
    private static MovieRecStage devStage;
    private static TemplateJson dev;
    private static TemplateJson staging;
    private static TemplateJson prod;
    private static TemplateJson iam;

    @BeforeAll
    static void synthesize() {
        SynthesizedStages stages = SynthesizedStages.of(tmp.resolve("fixture"), "dev", "staging", "prod");
        devStage = stages.stage("dev");
        dev = template(devStage);
        staging = template(stages.stage("staging"));
        prod = template(stages.stage("prod"));
        iam = template(IamStage.synthesize(tmp.resolve("iam")));
    }

    @Test
    void theStageIsNamedAfterTheEnvironmentAndThrottledAsConfigured() {
        assertThat(stage(dev).path("StageName").asText()).isEqualTo("dev");
        assertThat(throttle(dev)).containsExactly(10, 20);
        assertThat(throttle(prod)).containsExactly(100, 200);
        assertThat(throttle(staging)).as("the defaults").containsExactly(50, 100);
        assertThat(stage(dev).path("MethodSettings").get(0).path("ResourcePath").asText()).isEqualTo("/*");
        assertThat(stage(dev).path("MethodSettings").get(0).path("HttpMethod").asText()).isEqualTo("*");
    }

    @Test
    void theUsagePlanThrottlesTheKeyOnTheStageAndCountsItsDailyQuota() {
        JsonNode plan = properties(dev, "AWS::ApiGateway::UsagePlan");

        assertThat(plan.path("Throttle").path("RateLimit").asInt()).isEqualTo(10);
        assertThat(plan.path("Throttle").path("BurstLimit").asInt()).isEqualTo(20);
        assertThat(plan.path("Quota").path("Limit").asInt()).isEqualTo(10000);
        assertThat(plan.path("Quota").path("Period").asText()).isEqualTo("DAY");
        assertThat(text(plan.path("ApiStages").get(0).path("Stage")))
                .isEqualTo("${" + only(dev, "AWS::ApiGateway::Stage") + "}");
        JsonNode planKey = properties(dev, "AWS::ApiGateway::UsagePlanKey");
        assertThat(text(planKey.path("KeyId"))).isEqualTo("${" + only(dev, "AWS::ApiGateway::ApiKey") + "}");
        assertThat(text(planKey.path("UsagePlanId"))).isEqualTo("${" + only(dev, "AWS::ApiGateway::UsagePlan") + "}");
        assertThat(properties(prod, "AWS::ApiGateway::UsagePlan").has("Quota")).as("prod sets no quota").isFalse();
    }

    @Test
    void withApiKeysEveryOperationButTheDocumentNeedsAKey() {
        assertThat(operations(dev)).hasSize(7).allSatisfy((operation, method) -> {
            JsonNode properties = method.path("Properties");
            assertThat(properties.path("AuthorizationType").asText()).as(operation).isEqualTo("NONE");
            assertThat(properties.path("ApiKeyRequired").asBoolean()).as(operation)
                    .isEqualTo(!operation.equals(DOCUMENT));
        });
    }

    @Test
    void withIamEveryOperationButTheDocumentIsSignedAndThereIsNoKey() {
        assertThat(operations(iam)).hasSize(7).allSatisfy((operation, method) -> {
            JsonNode properties = method.path("Properties");
            assertThat(properties.path("AuthorizationType").asText()).as(operation)
                    .isEqualTo(operation.equals(DOCUMENT) ? "NONE" : "AWS_IAM");
            assertThat(properties.path("ApiKeyRequired").asBoolean()).as(operation).isFalse();
        });
        assertThat(iam.resources("AWS::ApiGateway::ApiKey")).isEmpty();
        assertThat(iam.resources("AWS::ApiGateway::UsagePlan")).isEmpty();
        assertThat(iam.root().path("Outputs").has("ApiKeyId")).isFalse();
    }

    @Test
    void everyOpenApiOperationHasItsMethodAndNoOther() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Fixtures.repositoryRoot().resolve("lambdas/api/openapi.yaml").toFile()).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method ->
                documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(operations(dev).keySet()).isEqualTo(documented);
        assertThat(devStage.apiStack().restApi().getMethods())
                .extracting(method -> method.getHttpMethod() + " " + method.getResource().getPath())
                .filteredOn(method -> !method.startsWith("OPTIONS"))
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyOperationInvokesTheLiveAliasThroughAProxyIntegration() {
        String alias = only(dev, "AWS::Lambda::Alias");

        assertThat(operations(dev).values()).allSatisfy(method -> {
            JsonNode integration = method.path("Properties").path("Integration");
            assertThat(integration.path("Type").asText()).isEqualTo("AWS_PROXY");
            assertThat(integration.path("IntegrationHttpMethod").asText()).isEqualTo("POST");
            assertThat(text(integration.path("Uri"))).isEqualTo("arn:${AWS::Partition}:apigateway:eu-west-1:lambda:"
                    + "path/2015-03-31/functions/${" + alias + "}/invocations");
        });
        Map<String, JsonNode> permissions = dev.resources("AWS::Lambda::Permission");
        assertThat(permissions).as("one per operation, for the stage only: no test-invoke permission").hasSize(7);
        assertThat(permissions.values()).allSatisfy(permission -> {
            assertThat(text(permission.path("Properties").path("FunctionName"))).isEqualTo("${" + alias + "}");
            assertThat(text(permission.path("Properties").path("SourceArn"))).contains(
                    "/${" + only(dev, "AWS::ApiGateway::Stage") + "}/");
        });
    }

    @Test
    void browsersGetPreflightAnswersFromApiGatewayWithoutAKey() {
        Map<String, JsonNode> preflights = preflights(dev);

        assertThat(preflights.keySet()).contains("OPTIONS /users/{userId}/recommendations", "OPTIONS /events",
                "OPTIONS /openapi.yaml");
        assertThat(preflights.values()).allSatisfy(method -> {
            JsonNode properties = method.path("Properties");
            assertThat(properties.path("AuthorizationType").asText()).isEqualTo("NONE");
            assertThat(properties.path("ApiKeyRequired").asBoolean()).isFalse();
            assertThat(properties.path("Integration").path("Type").asText()).isEqualTo("MOCK");
            JsonNode headers = corsHeaders(method);
            assertThat(headers.path("method.response.header.Access-Control-Allow-Origin").asText())
                    .isEqualTo("'" + Fixtures.DEV_ORIGIN + "'");
            assertThat(headers.path("method.response.header.Access-Control-Allow-Headers").asText())
                    .contains("X-Api-Key", "Content-Type");
        });
    }

    @Test
    void everyConfiguredOriginAndOnlyThoseArePreflighted() {
        JsonNode prodPreflight = preflights(prod).get("OPTIONS /movies/popular");

        assertThat(corsHeaders(prodPreflight).path("method.response.header.Access-Control-Allow-Origin").asText())
                .isEqualTo("'" + Fixtures.PROD_ORIGINS.get(0) + "'");
        assertThat(prodPreflight.path("Properties").path("Integration").path("IntegrationResponses").get(0)
                .path("ResponseTemplates").path("application/json").asText())
                .as("API Gateway echoes the second origin only when the request comes from it")
                .contains("$origin == \"" + Fixtures.PROD_ORIGINS.get(1) + "\"");
        assertThat(preflights(staging)).as("no origin configured: no browser access").isEmpty();
        assertThat(preflights(iam)).isEmpty();
    }

    @Test
    void accessLogsAreJsonWithTheRequestIdClientsSeeAndNoPathIds() throws IOException {
        JsonNode setting = stage(dev).path("AccessLogSetting");
        String format = setting.path("Format").asText();
        JsonNode fields = JSON.readTree(format);

        assertThat(text(setting.path("DestinationArn"))).isEqualTo("${" + accessLogGroup() + ".Arn}");
        assertThat(fields.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(fields.path("userSub").asText()).as("with jwt, the signed-in user's opaque id")
                .isEqualTo("$context.authorizer.claims.sub");
        assertThat(fields.path("resourcePath").asText()).isEqualTo("$context.resourcePath");
        assertThat(fields.path("status").asText()).isEqualTo("$context.status");
        assertThat(format).as("ids in paths and the API key's value are never logged")
                .doesNotContain("$context.path").doesNotContain("$context.identity.apiKey\"");
        assertThat(dev.resource(accessLogGroup()).path("Properties").path("RetentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void requestsAreTracedAndCounted() {
        assertThat(stage(dev).path("TracingEnabled").asBoolean()).isTrue();
        assertThat(stage(dev).path("MethodSettings").get(0).path("MetricsEnabled").asBoolean()).isTrue();
        assertThat(stage(dev).path("MethodSettings").get(0).path("DataTraceEnabled").asBoolean())
                .as("request and response bodies are never logged").isFalse();
    }

    @Test
    void gatewayErrorsUseTheApisJsonErrorShape() throws IOException {
        Map<String, JsonNode> responses = gatewayResponses(dev);

        assertThat(responses.keySet()).containsExactlyInAnyOrder("DEFAULT_4XX", "DEFAULT_5XX", "THROTTLED",
                "QUOTA_EXCEEDED", "INVALID_API_KEY", "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_TIMEOUT",
                "REQUEST_TOO_LARGE");
        for (JsonNode response : responses.values()) {
            JsonNode body = JSON.readTree(response.path("ResponseTemplates").path("application/json").asText());
            assertThat(body.properties()).extracting(Map.Entry::getKey)
                    .containsExactly("error", "message", "requestId");
            assertThat(body.path("requestId").asText()).isEqualTo("$context.requestId");
            assertThat(body.path("message").asText()).endsWith(".");
        }
        assertThat(error(responses.get("THROTTLED"))).isEqualTo("429 THROTTLED");
        assertThat(responses.get("THROTTLED").path("ResponseParameters").path("gatewayresponse.header.Retry-After")
                .asText()).isEqualTo("'1'");
        assertThat(error(responses.get("QUOTA_EXCEEDED"))).isEqualTo("429 THROTTLED");
        assertThat(error(responses.get("INVALID_API_KEY"))).isEqualTo("403 FORBIDDEN");
        assertThat(error(responses.get("MISSING_AUTHENTICATION_TOKEN")))
                .as("without IAM, only an unknown path or method lacks a token").isEqualTo("404 NOT_FOUND");
        assertThat(error(responses.get("INTEGRATION_TIMEOUT"))).isEqualTo("504 UNAVAILABLE");
        assertThat(error(responses.get("DEFAULT_4XX"))).as("keeps API Gateway's status").isEqualTo(" BAD_REQUEST");
        assertThat(error(responses.get("DEFAULT_5XX"))).isEqualTo(" INTERNAL_ERROR");
    }

    @Test
    void withIamAMissingSignatureIsForbidden() throws IOException {
        Map<String, JsonNode> responses = gatewayResponses(iam);

        assertThat(error(responses.get("MISSING_AUTHENTICATION_TOKEN"))).isEqualTo("403 FORBIDDEN");
        assertThat(error(responses.get("ACCESS_DENIED"))).isEqualTo("403 FORBIDDEN");
        assertThat(responses).doesNotContainKeys("INVALID_API_KEY", "QUOTA_EXCEEDED");
    }

    @Test
    void gatewayErrorCodesAreTheApisPlusForbidden() throws IOException {
        JsonNode codes = new ObjectMapper(new YAMLFactory())
                .readTree(Fixtures.repositoryRoot().resolve("lambdas/api/openapi.yaml").toFile())
                .path("components").path("schemas").path("Error").path("properties").path("error").path("enum");
        Set<String> documented = new TreeSet<>();
        codes.forEach(code -> documented.add(code.asText()));
        documented.add("FORBIDDEN");
        List<String> used = new ArrayList<>();
        for (TemplateJson template : List.of(dev, iam)) {
            for (JsonNode response : gatewayResponses(template).values()) {
                used.add(JSON.readTree(response.path("ResponseTemplates").path("application/json").asText())
                        .path("error").asText());
            }
        }

        assertThat(used).isSubsetOf(documented);
    }

    @Test
    void gatewayErrorsLetTheFirstOriginReadThem() {
        assertThat(gatewayResponses(dev).values()).allSatisfy(response -> assertThat(response
                .path("ResponseParameters").path("gatewayresponse.header.Access-Control-Allow-Origin").asText())
                .isEqualTo("'" + Fixtures.DEV_ORIGIN + "'"));
        assertThat(gatewayResponses(staging).values()).allSatisfy(response -> assertThat(response
                .path("ResponseParameters").has("gatewayresponse.header.Access-Control-Allow-Origin")).isFalse());
    }

    @Test
    void theStackOutputsTheUrlsAndTheKeyIdButNeverAKeyValue() {
        JsonNode outputs = dev.root().path("Outputs");
        String api = only(dev, "AWS::ApiGateway::RestApi");
        String stage = only(dev, "AWS::ApiGateway::Stage");
        String key = only(dev, "AWS::ApiGateway::ApiKey");

        assertThat(outputs.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("ApiUrl", "OpenApiDocumentUrl", "ApiKeyId");
        assertThat(text(outputs.path("ApiUrl").path("Value")))
                .isEqualTo("https://${" + api + "}.execute-api.eu-west-1.${AWS::URLSuffix}/${" + stage + "}/");
        assertThat(text(outputs.path("OpenApiDocumentUrl").path("Value")))
                .isEqualTo("https://${" + api + "}.execute-api.eu-west-1.${AWS::URLSuffix}/${" + stage
                        + "}/openapi.yaml");
        assertThat(text(outputs.path("ApiKeyId").path("Value"))).isEqualTo("${" + key + "}");
        assertThat(dev.resource(key).path("Properties").has("Value")).as("API Gateway generates the value").isFalse();
    }

    @Test
    void theApiIsRegionalAndNamedAfterTheEnvironment() {
        JsonNode api = properties(dev, "AWS::ApiGateway::RestApi");

        assertThat(api.path("Name").asText()).isEqualTo("movierec-dev-api");
        assertThat(api.path("EndpointConfiguration").path("Types").toString()).isEqualTo("[\"REGIONAL\"]");
        assertThat(devStage.apiStack().getStackName()).isEqualTo("movierec-dev-api");
        assertThat(devStage.apiStack().getDependencies()).contains(devStage.personalizeStack());
    }

    private static TemplateJson template(MovieRecStage stage) {
        return TemplateJson.of(Template.fromStack(stage.apiStack()));
    }

    private static JsonNode stage(TemplateJson template) {
        return properties(template, "AWS::ApiGateway::Stage");
    }

    private static List<Integer> throttle(TemplateJson template) {
        JsonNode settings = stage(template).path("MethodSettings").get(0);
        return List.of(settings.path("ThrottlingRateLimit").asInt(), settings.path("ThrottlingBurstLimit").asInt());
    }

    private static Map<String, JsonNode> preflights(TemplateJson template) {
        Map<String, JsonNode> preflights = ApiTemplates.methods(template);
        preflights.keySet().removeIf(key -> !key.startsWith("OPTIONS "));
        return preflights;
    }

    private static JsonNode corsHeaders(JsonNode preflight) {
        return preflight.path("Properties").path("Integration").path("IntegrationResponses").get(0)
                .path("ResponseParameters");
    }

    private static String accessLogGroup() {
        return dev.resources("AWS::Logs::LogGroup").keySet().stream().filter(id -> id.startsWith("GatewayAccessLogs"))
                .findFirst().orElseThrow();
    }

    private static Map<String, JsonNode> gatewayResponses(TemplateJson template) {
        Map<String, JsonNode> responses = new HashMap<>();
        template.resources("AWS::ApiGateway::GatewayResponse").values().forEach(response ->
                responses.put(response.path("Properties").path("ResponseType").asText(), response.path("Properties")));
        return responses;
    }

    /** "429 THROTTLED": the status (empty when API Gateway's own is kept) and the body's error code. */
    private static String error(JsonNode response) throws IOException {
        return response.path("StatusCode").asText() + " " + JSON.readTree(response.path("ResponseTemplates")
                .path("application/json").asText()).path("error").asText();
    }
}
