package com.movierec.local.deployer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What API Gateway decides before the Lambda, as the deployed stage configured it: each method's authorization
 * (AuthorizationType, its authorizer, AuthorizationScopes) by HTTP method and resource path, the authorizers, and the
 * gateway responses by response type. Read from the deployed records of {@code AWS::ApiGateway::RestApi},
 * {@code Resource}, {@code Method}, {@code Authorizer} and {@code GatewayResponse}.
 */
public record DeployedRestApi(Map<String, MethodAuth> methods, Map<String, AuthorizerSettings> authorizers,
                              Map<String, GatewayResponseSettings> gatewayResponses) {
    public static final String COGNITO_USER_POOLS = "COGNITO_USER_POOLS";

    public DeployedRestApi {
        methods = Map.copyOf(methods);
        authorizers = Map.copyOf(authorizers);
        gatewayResponses = Map.copyOf(gatewayResponses);
    }

    /** A REST API without methods: nothing is checked before the Lambda. */
    public static final DeployedRestApi NONE = new DeployedRestApi(Map.of(), Map.of(), Map.of());

    /**
     * @param authorizationType NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS
     * @param authorizerId      the authorizer's physical id, or null
     * @param scopes            AuthorizationScopes: with them, a Cognito authorizer wants an access token
     */
    public record MethodAuth(String httpMethod, String resourcePath, String authorizationType, String authorizerId,
                             List<String> scopes, boolean apiKeyRequired) {
        public MethodAuth {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * @param identityHeader     the header of IdentitySource {@code method.request.header.<name>}
     * @param providerArns       the user pool ARNs of a COGNITO_USER_POOLS authorizer
     * @param validationPattern  IdentityValidationExpression: a Cognito authorizer matches the token's aud to it
     */
    public record AuthorizerSettings(String authorizerId, String name, String type, String identityHeader,
                                     List<String> providerArns, Optional<String> validationPattern) {
        public AuthorizerSettings {
            providerArns = List.copyOf(providerArns);
        }
    }

    /** A customized gateway response: its StatusCode (null: the type's own), ResponseParameters, ResponseTemplates. */
    public record GatewayResponseSettings(String responseType, String statusCode, Map<String, String> parameters,
                                          Map<String, String> templates) {
        public GatewayResponseSettings {
            parameters = Map.copyOf(parameters);
            templates = Map.copyOf(templates);
        }
    }

    /** The REST API the stage's API function serves (the stage's only one, or the first with methods). */
    public static DeployedRestApi of(StageDeployment deployment) {
        List<ResourceRecord> records = deployment.stacks().stream()
                .flatMap(stack -> stack.resources().values().stream()).toList();
        Optional<ResourceRecord> restApi = records.stream().filter(r -> r.type().equals("AWS::ApiGateway::RestApi"))
                .filter(api -> records.stream().anyMatch(r -> r.type().equals("AWS::ApiGateway::Method")
                        && api.physicalId().equals(r.properties().path("RestApiId").asText())))
                .findFirst();
        if (restApi.isEmpty()) {
            return NONE;
        }
        String apiId = restApi.get().physicalId();
        Map<String, String> paths = resourcePaths(restApi.get(), records);
        Map<String, MethodAuth> methods = new TreeMap<>();
        Map<String, AuthorizerSettings> authorizers = new TreeMap<>();
        Map<String, GatewayResponseSettings> responses = new TreeMap<>();
        for (ResourceRecord record : records) {
            JsonNode p = record.properties();
            if (!apiId.equals(p.path("RestApiId").asText())) {
                continue;
            }
            switch (record.type()) {
                case "AWS::ApiGateway::Method" -> {
                    String path = paths.get(p.path("ResourceId").asText());
                    if (path != null) {
                        String verb = p.path("HttpMethod").asText().toUpperCase(Locale.ROOT);
                        methods.put(key(verb, path), new MethodAuth(verb, path,
                                p.path("AuthorizationType").asText("NONE"),
                                p.hasNonNull("AuthorizerId") ? p.path("AuthorizerId").asText() : null,
                                strings(p.path("AuthorizationScopes")), p.path("ApiKeyRequired").asBoolean(false)));
                    }
                }
                case "AWS::ApiGateway::Authorizer" -> authorizers.put(record.physicalId(), new AuthorizerSettings(
                        record.physicalId(), p.path("Name").asText(record.logicalId()), p.path("Type").asText(),
                        identityHeader(p.path("IdentitySource").asText("")), strings(p.path("ProviderARNs")),
                        p.hasNonNull("IdentityValidationExpression")
                                ? Optional.of(p.path("IdentityValidationExpression").asText()) : Optional.empty()));
                case "AWS::ApiGateway::GatewayResponse" -> responses.put(p.path("ResponseType").asText(),
                        new GatewayResponseSettings(p.path("ResponseType").asText(),
                                p.hasNonNull("StatusCode") ? p.path("StatusCode").asText() : null,
                                textMap(p.path("ResponseParameters")), textMap(p.path("ResponseTemplates"))));
                default -> {
                }
            }
        }
        return new DeployedRestApi(methods, authorizers, responses);
    }

    /** The method for a request, or the resource's ANY method; empty when the resource has neither. */
    public Optional<MethodAuth> method(String httpMethod, String resourcePath) {
        MethodAuth exact = methods.get(key(httpMethod.toUpperCase(Locale.ROOT), resourcePath));
        return Optional.ofNullable(exact != null ? exact : methods.get(key("ANY", resourcePath)));
    }

    /**
     * How the page must authenticate, as its runtime config says it: {@code jwt} when a method uses a Cognito
     * authorizer, {@code iam} when one uses AWS_IAM, else {@code apiKey}.
     */
    public String authMode() {
        if (methods.values().stream().anyMatch(m -> COGNITO_USER_POOLS.equals(m.authorizationType()))) {
            return "jwt";
        }
        if (methods.values().stream().anyMatch(m -> "AWS_IAM".equals(m.authorizationType()))) {
            return "iam";
        }
        return "apiKey";
    }

    private static String key(String verb, String path) {
        return verb + " " + path;
    }

    /** Resource id to its full path ({@code /users/{userId}}), the root being {@code /}. */
    private static Map<String, String> resourcePaths(ResourceRecord restApi, List<ResourceRecord> records) {
        Map<String, String[]> parents = new HashMap<>();
        for (ResourceRecord record : records) {
            if (record.type().equals("AWS::ApiGateway::Resource")
                    && restApi.physicalId().equals(record.properties().path("RestApiId").asText())) {
                parents.put(record.physicalId(), new String[] {record.properties().path("ParentId").asText(),
                        record.properties().path("PathPart").asText()});
            }
        }
        Map<String, String> paths = new LinkedHashMap<>();
        String root = restApi.attributes().get("RootResourceId");
        paths.put(root, "/");
        for (String id : parents.keySet()) {
            List<String> parts = new ArrayList<>();
            String current = id;
            while (current != null && parents.containsKey(current) && parts.size() <= parents.size()) {
                parts.add(0, parents.get(current)[1]);
                current = parents.get(current)[0];
            }
            if (root.equals(current)) {
                paths.put(id, "/" + String.join("/", parts));
            }
        }
        return paths;
    }

    /** {@code method.request.header.Authorization} to {@code Authorization}; the first of several sources. */
    private static String identityHeader(String identitySource) {
        String first = identitySource.split(",")[0].trim();
        String prefix = "method.request.header.";
        return first.startsWith(prefix) ? first.substring(prefix.length()) : first;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }
}
