package com.movierec.local.deployer.testing;

import com.movierec.infra.MovieRecStage;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.CfnAuthorizer;
import software.amazon.awscdk.services.apigateway.CfnMethod;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.ICustomAttribute;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;

/**
 * The sign-in of the {@code jwt} auth mode added to a synthesized dev stage with aws-cdk-lib's own constructs, in the
 * template shape issue 12's contract gives part A's ApiStack: an {@code AWS::Cognito::UserPool} with the admin-set
 * {@code custom:movierec_user_id}, an {@code AWS::Cognito::UserPoolClient} (GenerateSecret false, AllowedOAuthFlows
 * [code], scopes openid/email/profile, the attribute readable but not writable), an {@code AWS::Cognito::UserPoolDomain},
 * and an {@code AWS::ApiGateway::Authorizer} of Type COGNITO_USER_POOLS as {@code CognitoUserPoolsAuthorizer} renders
 * it (Name, ProviderARNs [the pool's Arn], IdentitySource {@code method.request.header.Authorization}), set on every
 * method but OPTIONS and the public API document, without an API key. Until part A's stack makes these itself.
 */
final class CognitoSignIn {
    static final String USER_ID_ATTRIBUTE = "movierec_user_id";

    private CognitoSignIn() {
    }

    static void add(MovieRecStage stage, String pageUrl) {
        var api = stage.apiStack();
        UserPool pool = UserPool.Builder.create(api, "UserPool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .customAttributes(Map.<String, ICustomAttribute>of(USER_ID_ATTRIBUTE,
                        StringAttribute.Builder.create().mutable(true).maxLen(256).build()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        pool.addClient("PageClient", UserPoolClientOptions.builder()
                .generateSecret(false)
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(List.of(pageUrl))
                        .logoutUrls(List.of(pageUrl))
                        .build())
                .readAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).emailVerified(true)
                                .build())
                        .withCustomAttributes(USER_ID_ATTRIBUTE))
                .writeAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).build()))
                .build());
        pool.addDomain("LoginDomain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix("movierec-dev-local-test").build())
                .build());
        RestApi restApi = api.restApi();
        CfnAuthorizer authorizer = CfnAuthorizer.Builder.create(api, "SignInAuthorizer")
                .name("movierecdevapiSignInAuthorizer")
                .restApiId(restApi.getRestApiId())
                .type("COGNITO_USER_POOLS")
                .providerArns(List.of(pool.getUserPoolArn()))
                .identitySource("method.request.header.Authorization")
                .build();
        for (Method method : restApi.getMethods()) {
            if (method.getHttpMethod().equals("OPTIONS") || method.getResource().getPath().equals("/openapi.yaml")) {
                continue;
            }
            CfnMethod cfn = (CfnMethod) method.getNode().getDefaultChild();
            cfn.addPropertyOverride("AuthorizationType", "COGNITO_USER_POOLS");
            cfn.addPropertyOverride("AuthorizerId", authorizer.getRef());
            cfn.addPropertyOverride("ApiKeyRequired", false);
        }
    }
}
