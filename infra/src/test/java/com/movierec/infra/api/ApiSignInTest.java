package com.movierec.infra.api;

import static com.movierec.infra.TemplateJson.text;
import static com.movierec.infra.TemplateJson.texts;
import static com.movierec.infra.api.ApiTemplates.methods;
import static com.movierec.infra.api.ApiTemplates.only;
import static com.movierec.infra.api.ApiTemplates.operations;
import static com.movierec.infra.api.ApiTemplates.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.infra.MovieRecStage;
import com.movierec.infra.TemplateJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code api.auth: "jwt"} in the API stack: the user pool only administrators add users to, the page's and the
 * operators' app clients, the managed login domain, the Cognito authorizer on every operation, the 401 the page can
 * read, the outputs the page's runtime config is built from, and the cdk-nag decisions the configuration makes.
 */
class ApiSignInTest {
    private static final String POOL_TYPE = "AWS::Cognito::UserPool";
    private static final String CLIENT_TYPE = "AWS::Cognito::UserPoolClient";
    private static final String DOCUMENT = "GET /openapi.yaml";

    @TempDir
    static Path tmp;
    private static MovieRecStage createdStage;
    private static TemplateJson created;
    private static TemplateJson strict;
    private static TemplateJson existing;
    private static TemplateJson plain;

    @BeforeAll
    static void synthesize() {
        createdStage = JwtStages.synthesize(JwtStages.CREATED, tmp);
        created = template(createdStage);
        strict = template(JwtStages.synthesize(JwtStages.STRICT, tmp));
        existing = template(JwtStages.synthesize(JwtStages.EXISTING, tmp));
        plain = template(JwtStages.synthesize(JwtStages.PLAIN, tmp));
    }

    @Test
    void onlyAdministratorsCreateUsersAndPasswordsAreStrong() {
        JsonNode pool = properties(created, POOL_TYPE);

        assertThat(pool.path("UserPoolName").asText()).isEqualTo("movierec-jwt-users");
        assertThat(pool.at("/AdminCreateUserConfig/AllowAdminCreateUserOnly").asBoolean()).isTrue();
        JsonNode password = pool.at("/Policies/PasswordPolicy");
        assertThat(password.path("MinimumLength").asInt()).isEqualTo(12);
        assertThat(List.of("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols"))
                .allSatisfy(rule -> assertThat(password.path(rule).asBoolean()).as(rule).isTrue());
        assertThat(password.path("TemporaryPasswordValidityDays").asInt()).isEqualTo(7);
        assertThat(pool.at("/UsernameConfiguration/CaseSensitive").asBoolean(true)).isFalse();
        assertThat(texts(pool.path("AliasAttributes"))).containsExactly("email");
    }

    @Test
    void theMovieLensUserIdIsAnAttributeOfThePool() {
        JsonNode attribute = attribute(properties(created, POOL_TYPE), "movierec_user_id");

        assertThat(attribute.path("AttributeDataType").asText()).isEqualTo("String");
        assertThat(attribute.path("Mutable").asBoolean()).as("administrators can change a user's id").isTrue();
        assertThat(attribute.at("/StringAttributeConstraints/MinLength").asText()).isEqualTo("1");
        assertThat(attribute.at("/StringAttributeConstraints/MaxLength").asText()).as("the API's id limit")
                .isEqualTo("256");
    }

    @Test
    void mfaAndThreatProtectionAreWhatTheConfigurationSays() {
        JsonNode lax = properties(created, POOL_TYPE);
        assertThat(lax.path("MfaConfiguration").asText()).isEqualTo("OPTIONAL");
        assertThat(texts(lax.path("EnabledMfas"))).as("an authenticator app only").containsExactly(
                "SOFTWARE_TOKEN_MFA");
        assertThat(lax.at("/UserPoolAddOns/AdvancedSecurityMode").asText()).isEqualTo("AUDIT");
        assertThat(lax.path("UserPoolTier").asText()).as("threat protection needs Plus").isEqualTo("PLUS");

        JsonNode tight = properties(strict, POOL_TYPE);
        assertThat(tight.path("MfaConfiguration").asText()).isEqualTo("ON");
        assertThat(tight.at("/UserPoolAddOns/AdvancedSecurityMode").asText()).isEqualTo("ENFORCED");
    }

    @Test
    void withoutThreatProtectionThePoolIsOnEssentialsWithoutAddOns() {
        JsonNode pool = properties(plain, POOL_TYPE);

        assertThat(pool.path("UserPoolTier").asText()).isEqualTo("ESSENTIALS");
        assertThat(pool.has("UserPoolAddOns")).isFalse();
        assertThat(pool.path("MfaConfiguration").asText()).isEqualTo("OFF");
        assertThat(pool.has("EnabledMfas")).isFalse();
    }

    @Test
    void thePoolIsRetainedAndProtectedExactlyWhenTheEnvironmentRetainsItsData() {
        JsonNode deleted = created.resource(only(created, POOL_TYPE));
        JsonNode retained = strict.resource(only(strict, POOL_TYPE));

        assertThat(deleted.path("DeletionPolicy").asText()).isEqualTo("Delete");
        assertThat(deleted.at("/Properties/DeletionProtection").asText()).isEqualTo("INACTIVE");
        assertThat(retained.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(retained.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        assertThat(retained.at("/Properties/DeletionProtection").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void thePagesClientUsesTheCodeFlowWithoutASecret() {
        JsonNode client = client(created, "movierec-jwt-web");

        assertThat(client.path("GenerateSecret").asBoolean()).isFalse();
        assertThat(texts(client.path("AllowedOAuthFlows"))).containsExactly("code");
        assertThat(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(texts(client.path("AllowedOAuthScopes"))).containsExactlyInAnyOrder("openid", "email", "profile");
        assertThat(texts(client.path("CallbackURLs"))).containsExactlyElementsOf(JwtStages.CALLBACK_URLS);
        assertThat(texts(client.path("LogoutURLs"))).containsExactlyElementsOf(JwtStages.LOGOUT_URLS);
        assertThat(texts(client.path("SupportedIdentityProviders"))).containsExactly("COGNITO");
        assertThat(texts(client.path("ExplicitAuthFlows"))).containsExactlyInAnyOrder("ALLOW_USER_SRP_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.path("PreventUserExistenceErrors").asText()).isEqualTo("ENABLED");
        assertThat(client.path("EnableTokenRevocation").asBoolean()).isTrue();
        assertThat(texts(client.path("UserPoolId"))).containsExactly("${" + only(created, POOL_TYPE) + "}");
    }

    @Test
    void logoutUrlsDefaultToTheCallbackUrls() {
        assertThat(texts(client(strict, "movierec-strict-web").path("LogoutURLs")))
                .containsExactlyElementsOf(JwtStages.CALLBACK_URLS);
    }

    @Test
    void tokensLiveAsLongAsConfigured() {
        JsonNode client = client(created, "movierec-jwt-web");

        assertThat(client.path("IdTokenValidity").asInt()).isEqualTo(30);
        assertThat(client.path("AccessTokenValidity").asInt()).isEqualTo(30);
        assertThat(client.at("/TokenValidityUnits/IdToken").asText()).isEqualTo("minutes");
        assertThat(client.at("/TokenValidityUnits/AccessToken").asText()).isEqualTo("minutes");
        assertThat(client.path("RefreshTokenValidity").asInt()).isEqualTo(7 * 24 * 60);
        assertThat(client.at("/TokenValidityUnits/RefreshToken").asText()).isEqualTo("minutes");
    }

    @Test
    void noClientCanWriteTheUserIdButBothReadIt() {
        for (String name : List.of("movierec-jwt-web", "movierec-jwt-operators")) {
            JsonNode client = client(created, name);
            assertThat(texts(client.path("ReadAttributes"))).as(name).contains(ApiSignIn.USER_ID_ATTRIBUTE, "email");
            assertThat(texts(client.path("WriteAttributes"))).as(name).containsExactly("name");
        }
    }

    @Test
    void theOperatorsClientSignsInOnlyThroughTheAdminFlow() {
        JsonNode client = client(created, "movierec-jwt-operators");

        assertThat(texts(client.path("ExplicitAuthFlows"))).containsExactlyInAnyOrder(
                "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
        assertThat(client.path("AllowedOAuthFlowsUserPoolClient").asBoolean(false)).isFalse();
        assertThat(client.has("AllowedOAuthFlows")).isFalse();
        assertThat(client.path("GenerateSecret").asBoolean()).isFalse();
    }

    @Test
    void theManagedLoginDomainIsNamedAfterTheEnvironmentAndTheStack() {
        JsonNode domain = properties(created, "AWS::Cognito::UserPoolDomain");

        assertThat(domain.path("ManagedLoginVersion").asInt()).isEqualTo(2);
        assertThat(domain.path("Domain").toString()).isEqualTo("{\"Fn::Join\":[\"\",[\"movierec-jwt-\",{\"Fn::Select\":"
                + "[0,{\"Fn::Split\":[\"-\",{\"Fn::Select\":[2,{\"Fn::Split\":[\"/\",{\"Ref\":"
                + "\"AWS::StackId\"}]}]}]}]}]]}");
        assertThat(properties(strict, "AWS::Cognito::UserPoolDomain").path("Domain").asText())
                .isEqualTo(JwtStages.STRICT_DOMAIN_PREFIX);
        JsonNode branding = properties(created, "AWS::Cognito::ManagedLoginBranding");
        assertThat(branding.path("UseCognitoProvidedValues").asBoolean()).isTrue();
        assertThat(text(branding.path("ClientId"))).isEqualTo("${" + clientId(created, "movierec-jwt-web") + "}");
    }

    @Test
    void theAuthorizerChecksTheIdTokenOfThePoolsOwnClientsWithoutCaching() {
        JsonNode authorizer = properties(created, "AWS::ApiGateway::Authorizer");

        assertThat(authorizer.path("Type").asText()).isEqualTo("COGNITO_USER_POOLS");
        assertThat(texts(authorizer.path("ProviderARNs"))).containsExactly("${" + only(created, POOL_TYPE) + ".Arn}");
        assertThat(authorizer.path("IdentitySource").asText()).isEqualTo("method.request.header.Authorization");
        assertThat(authorizer.path("AuthorizerResultTtlInSeconds").asInt(-1)).isZero();
        assertThat(text(authorizer.path("IdentityValidationExpression"))).isEqualTo("^(${"
                + clientId(created, "movierec-jwt-web") + "}|${" + clientId(created, "movierec-jwt-operators") + "})$");
    }

    @Test
    void everyOperationButTheDocumentNeedsASignedInUser() {
        String authorizer = only(created, "AWS::ApiGateway::Authorizer");
        Map<String, JsonNode> operations = operations(created);

        assertThat(operations).hasSize(ApiRoutes.ALL.size());
        operations.forEach((operation, method) -> {
            JsonNode properties = method.path("Properties");
            if (operation.equals(DOCUMENT)) {
                assertThat(properties.path("AuthorizationType").asText()).as(operation).isEqualTo("NONE");
            } else {
                assertThat(properties.path("AuthorizationType").asText()).as(operation)
                        .isEqualTo("COGNITO_USER_POOLS");
                assertThat(text(properties.path("AuthorizerId"))).as(operation).isEqualTo("${" + authorizer + "}");
                assertThat(properties.path("ApiKeyRequired").asBoolean(false)).as(operation).isFalse();
            }
        });
        methods(created).forEach((method, resource) -> {
            if (method.startsWith("OPTIONS ")) {
                assertThat(resource.at("/Properties/AuthorizationType").asText()).as("the preflight " + method)
                        .isEqualTo("NONE");
            }
        });
        assertThat(created.resources("AWS::ApiGateway::ApiKey")).as("no API key with jwt").isEmpty();
        assertThat(created.resources("AWS::ApiGateway::UsagePlan")).isEmpty();
    }

    @Test
    void aRefusedTokenIsA401ThePageCanRead() {
        JsonNode unauthorized = gatewayResponse(created, "UNAUTHORIZED");

        assertThat(unauthorized.path("StatusCode").asText()).isEqualTo("401");
        assertThat(unauthorized.at("/ResponseTemplates/application~1json").asText())
                .as("API Gateway's own body: {\"message\":\"Unauthorized\"}")
                .isEqualTo("{\"message\":$context.error.messageString}");
        assertThat(unauthorized.at("/ResponseParameters/gatewayresponse.header.Access-Control-Allow-Origin").asText())
                .isEqualTo("'" + JwtStages.ORIGIN + "'");
        assertThat(unauthorized.at("/ResponseParameters/gatewayresponse.header.Vary").asText()).isEqualTo("'Origin'");
        JsonNode missing = gatewayResponse(created, "MISSING_AUTHENTICATION_TOKEN");
        assertThat(missing.path("StatusCode").asText()).as("an unknown path or method").isEqualTo("404");
        assertThat(created.resources("AWS::ApiGateway::GatewayResponse").values()).extracting(
                response -> response.at("/Properties/ResponseType").asText())
                .doesNotContain("INVALID_API_KEY", "QUOTA_EXCEEDED", "ACCESS_DENIED", "INVALID_SIGNATURE");
    }

    @Test
    void theStackOutputsWhatThePageSignsInWith() {
        JsonNode outputs = created.root().path("Outputs");

        assertThat(text(outputs.at("/UserPoolId/Value"))).isEqualTo("${" + only(created, POOL_TYPE) + "}");
        assertThat(text(outputs.at("/ClientId/Value"))).isEqualTo("${" + clientId(created, "movierec-jwt-web") + "}");
        assertThat(text(outputs.at("/OperatorClientId/Value")))
                .isEqualTo("${" + clientId(created, "movierec-jwt-operators") + "}");
        assertThat(text(outputs.at("/AuthDomain/Value"))).startsWith("https://").endsWith(".auth.eu-west-1"
                + ".amazoncognito.com");
        assertThat(outputs.has("ApiKeyId")).isFalse();
        assertThat(createdStage.apiStack().signIn()).isPresent();
    }

    @Test
    void theFunctionKnowsTheAuthMode() {
        JsonNode variables = properties(created, "AWS::Lambda::Function").at("/Environment/Variables");

        assertThat(variables.path("AUTH_MODE").asText()).isEqualTo("jwt");
    }

    @Test
    void anExistingPoolGetsTheClientsAndTheAuthorizerButNothingElse() {
        assertThat(existing.resources(POOL_TYPE)).isEmpty();
        assertThat(existing.resources("AWS::Cognito::UserPoolDomain")).isEmpty();
        assertThat(existing.resources("AWS::Cognito::ManagedLoginBranding")).isEmpty();
        assertThat(existing.resources(CLIENT_TYPE).values()).hasSize(2).allSatisfy(client ->
                assertThat(text(client.at("/Properties/UserPoolId"))).isEqualTo(JwtStages.EXISTING_POOL_ID));
        assertThat(texts(properties(existing, "AWS::ApiGateway::Authorizer").path("ProviderARNs")))
                .containsExactly("arn:${AWS::Partition}:cognito-idp:eu-west-1:111122223333:userpool/"
                        + JwtStages.EXISTING_POOL_ID);
        assertThat(existing.root().at("/Outputs/AuthDomain/Value").asText()).isEqualTo(JwtStages.EXISTING_DOMAIN);
        assertThat(existing.root().at("/Outputs/UserPoolId/Value").asText()).isEqualTo(JwtStages.EXISTING_POOL_ID);
    }

    @Test
    void cdkNagFindingsTheConfigurationChoseAreSuppressedOnThePoolNamingTheKey() {
        JsonNode suppressions = created.resource(only(created, POOL_TYPE)).at("/Metadata/cdk_nag/rules_to_suppress");
        List<String> rules = new ArrayList<>();
        suppressions.forEach(rule -> {
            rules.add(rule.path("id").asText());
            assertThat(rule.path("reason").asText()).as(rule.path("id").asText()).startsWith("api.jwt.");
        });

        assertThat(rules).containsExactlyInAnyOrder("AwsSolutions-COG2", "AwsSolutions-COG3");
        assertThat(strict.resource(only(strict, POOL_TYPE)).at("/Metadata/cdk_nag").isMissingNode())
                .as("required MFA and enforced threat protection need no suppression").isTrue();
    }

    private static JsonNode attribute(JsonNode pool, String name) {
        for (JsonNode attribute : pool.path("Schema")) {
            if (attribute.path("Name").asText().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("the pool has no attribute " + name + ": " + pool.path("Schema"));
    }

    private static JsonNode client(TemplateJson template, String name) {
        return template.resource(clientId(template, name)).path("Properties");
    }

    private static String clientId(TemplateJson template, String name) {
        return template.resources(CLIENT_TYPE).entrySet().stream()
                .filter(entry -> entry.getValue().at("/Properties/ClientName").asText().equals(name))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + name + " in " + template.resources(CLIENT_TYPE)));
    }

    private static JsonNode gatewayResponse(TemplateJson template, String type) {
        return template.resources("AWS::ApiGateway::GatewayResponse").values().stream()
                .map(response -> response.path("Properties"))
                .filter(properties -> properties.path("ResponseType").asText().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no gateway response " + type));
    }

    private static TemplateJson template(MovieRecStage stage) {
        return TemplateJson.of(Template.fromStack(stage.apiStack()));
    }
}
