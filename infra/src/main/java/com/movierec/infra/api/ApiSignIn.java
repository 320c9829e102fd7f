package com.movierec.infra.api;

import com.movierec.infra.config.JwtSettings;
import com.movierec.infra.nag.NagFindings;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnManagedLoginBranding;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.ICustomAttribute;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.ManagedLoginVersion;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StandardThreatProtectionMode;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.constructs.Construct;

/**
 * Sign-in for {@code api.auth: "jwt"}: the Cognito user pool (created here unless config names an existing one), the
 * page's app client (authorization code with PKCE, no secret), an operators' client that signs in only through the
 * IAM-authorised admin flow (the pipeline's smoke test, an operator's token for curl), and for a created pool its
 * managed login domain. Users are created by administrators only; their MovieLens user id is the admin-set attribute
 * {@value #USER_ID_ATTRIBUTE}, which no client may write, so a user cannot claim another user's id.
 */
final class ApiSignIn extends Construct {
    /** The user's MovieLens id in the ID token; the API falls back to {@code sub} without it. */
    static final String USER_ID_ATTRIBUTE = "custom:movierec_user_id";
    /** The scopes the page asks for: the ID token then carries the user's profile and email. */
    static final List<OAuthScope> SCOPES = List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE);
    static final int MIN_PASSWORD_LENGTH = 12;
    static final Duration TEMPORARY_PASSWORD_VALIDITY = Duration.days(7);

    private final IUserPool userPool;
    private final UserPoolClient webClient;
    private final UserPoolClient operatorClient;
    private final String authDomainUrl;

    /**
     * @param environment the environment's name, part of every name here
     * @param retain      keep a created pool (and so its users) when the stack is deleted, with deletion protection
     */
    ApiSignIn(Construct scope, String id, String environment, JwtSettings settings, boolean retain) {
        super(scope, id);
        if (settings.createsUserPool()) {
            UserPool pool = createUserPool(environment, settings, retain);
            userPool = pool;
            UserPoolDomain domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                    .cognitoDomain(CognitoDomainOptions.builder()
                            .domainPrefix(settings.domainPrefix().orElseGet(() -> defaultDomainPrefix(environment)))
                            .build())
                    .managedLoginVersion(ManagedLoginVersion.NEWER_MANAGED_LOGIN)
                    .build());
            authDomainUrl = domain.baseUrl();
        } else {
            JwtSettings.ExistingUserPool existing = settings.existingUserPool().orElseThrow();
            userPool = UserPool.fromUserPoolId(this, "UserPool", existing.userPoolId());
            authDomainUrl = existing.domain();
        }
        webClient = userPool.addClient("WebClient", clientOptions(settings)
                .userPoolClientName("movierec-" + environment + "-web")
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(SCOPES)
                        .callbackUrls(settings.callbackUrls())
                        .logoutUrls(settings.logoutUrls())
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .build());
        operatorClient = userPool.addClient("OperatorClient", clientOptions(settings)
                .userPoolClientName("movierec-" + environment + "-operators")
                .authFlows(AuthFlow.builder().adminUserPassword(true).build())
                .disableOAuth(true)
                .build());
        if (settings.createsUserPool()) {
            // Managed login (version 2) shows a client's pages only once the client has a style: Cognito's own.
            CfnManagedLoginBranding.Builder.create(this, "WebClientBranding")
                    .userPoolId(userPool.getUserPoolId())
                    .clientId(webClient.getUserPoolClientId())
                    .useCognitoProvidedValues(true)
                    .build();
        }
    }

    private UserPool createUserPool(String environment, JwtSettings settings, boolean retain) {
        JwtSettings.Mfa mfa = settings.effectiveMfa();
        JwtSettings.ThreatProtection threats = settings.effectiveThreatProtection();
        UserPool.Builder builder = UserPool.Builder.create(this, "UserPool")
                .userPoolName("movierec-" + environment + "-users")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .signInCaseSensitive(false)
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder().required(false).mutable(true).build())
                        .build())
                .customAttributes(Map.<String, ICustomAttribute>of(USER_ID_ATTRIBUTE.substring("custom:".length()),
                        StringAttribute.Builder.create().minLen(1).maxLen(256).mutable(true).build()))
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(MIN_PASSWORD_LENGTH)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .tempPasswordValidity(TEMPORARY_PASSWORD_VALIDITY)
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .mfa(switch (mfa) {
                    case OFF -> Mfa.OFF;
                    case OPTIONAL -> Mfa.OPTIONAL;
                    case REQUIRED -> Mfa.REQUIRED;
                })
                .featurePlan(threats == JwtSettings.ThreatProtection.OFF ? FeaturePlan.ESSENTIALS : FeaturePlan.PLUS)
                .deletionProtection(retain)
                .removalPolicy(retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        if (mfa != JwtSettings.Mfa.OFF) {
            builder.mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).email(false).build());
        }
        if (threats != JwtSettings.ThreatProtection.OFF) {
            builder.standardThreatProtectionMode(threats == JwtSettings.ThreatProtection.ENFORCED
                    ? StandardThreatProtectionMode.FULL_FUNCTION : StandardThreatProtectionMode.AUDIT_ONLY);
        }
        UserPool pool = builder.build();
        if (mfa != JwtSettings.Mfa.REQUIRED) {
            NagFindings.suppress(pool, "AwsSolutions-COG2", "api.jwt.mfa is \"" + mfa.configValue() + "\" in this "
                    + "environment's configuration: " + (mfa == JwtSettings.Mfa.OFF ? "users sign in with their "
                    + "password only" : "each user may add an authenticator app, and the pipeline's smoke test signs "
                    + "in without one") + "; set it to \"required\" to make MFA mandatory.");
        }
        if (threats != JwtSettings.ThreatProtection.ENFORCED) {
            NagFindings.suppress(pool, "AwsSolutions-COG3", "api.jwt.threatProtection is \"" + threats.configValue()
                    + "\" in this environment's configuration: " + (threats == JwtSettings.ThreatProtection.OFF
                    ? "threat protection needs Cognito's Plus plan, billed per monthly active user without a free tier"
                    : "Cognito scores and reports sign-in risks without blocking, as AWS advises for a pool's first "
                    + "weeks") + "; set it to \"enforced\" to block risky sign-ins.");
        }
        return pool;
    }

    /** What both clients share: no secret, the same tokens, the user id readable and never writable. */
    private static UserPoolClientOptions.Builder clientOptions(JwtSettings settings) {
        return UserPoolClientOptions.builder()
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .idTokenValidity(Duration.minutes(settings.tokenValidityMinutes()))
                .accessTokenValidity(Duration.minutes(settings.tokenValidityMinutes()))
                .refreshTokenValidity(Duration.days(settings.refreshTokenValidityDays()))
                .readAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder()
                                .email(true).emailVerified(true).fullname(true).preferredUsername(true).build())
                        .withCustomAttributes(USER_ID_ATTRIBUTE))
                // Explicit, since no WriteAttributes means every mutable attribute, the user id included.
                .writeAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().fullname(true).build()));
    }

    /**
     * {@code movierec-<env>-<first 8 hex digits of the stack's id>}: prefix domains are unique per region across AWS,
     * and the stack's id is unique to this stack without naming the account.
     */
    private static String defaultDomainPrefix(String environment) {
        return Fn.join("", List.of("movierec-" + environment + "-",
                Fn.select(0, Fn.split("-", Fn.select(2, Fn.split("/", Aws.STACK_ID))))));
    }

    IUserPool userPool() {
        return userPool;
    }

    /** The page's app client. */
    UserPoolClient webClient() {
        return webClient;
    }

    /** The client for admin sign-in with IAM credentials (smoke test, operators). */
    UserPoolClient operatorClient() {
        return operatorClient;
    }

    /** The managed login domain's base URL, {@code https://...}: the page's /oauth2/authorize, /oauth2/token, ... */
    String authDomainUrl() {
        return authDomainUrl;
    }
}
