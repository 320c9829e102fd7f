package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sign-in for {@code api.auth: "jwt"}: the Cognito user pool whose ID tokens the API's Cognito authorizer accepts, and
 * the page's app client in it. By default the stack creates the pool (with its managed login domain); an existing
 * pool is named by {@link ExistingUserPool}. An OIDC issuer other than a Cognito user pool cannot be verified by a REST
 * API's Cognito authorizer: {@code oidcIssuer} exists to say so (infra/README.md, "Why a Cognito authorizer").
 *
 * @param existingUserPool         an existing pool in the environment's region, with its managed login domain;
 *                                 empty for a pool the stack creates
 * @param oidcIssuer               always empty: a set value is refused with the way to federate the issuer instead
 * @param callbackUrls             where Cognito may send the browser back to after sign-in: the page
 * @param logoutUrls               where Cognito may send the browser after sign-out; the callbackUrls when none
 * @param mfa                      a created pool's MFA (an authenticator app); empty for {@link Mfa#OPTIONAL}
 * @param threatProtection         a created pool's threat protection; empty for {@link ThreatProtection#OFF}
 * @param domainPrefix             a created pool's managed login domain prefix; empty for one derived from the stack
 * @param tokenValidityMinutes     how long ID and access tokens stay valid
 * @param refreshTokenValidityDays how long a sign-in lasts through refreshes
 */
public record JwtSettings(
        @Fix("make it an object such as {\"userPoolId\": \"eu-west-1_AbCdEf123\", \"domain\": "
                + "\"https://auth.example.com\"}, or null for a user pool the stack creates")
        Optional<ExistingUserPool> existingUserPool,
        @Fix(JwtSettings.OIDC_FIX) Optional<String> oidcIssuer,
        @JsonProperty(required = true)
        @Fix("list the page's addresses Cognito may send a signed-in user back to, e.g. "
                + "[\"https://app.example.com/\"]: " + JwtSettings.URL_FORM)
        List<String> callbackUrls,
        @Fix("list the addresses Cognito may send a user to after sign-out, e.g. [\"https://app.example.com/\"]: "
                + JwtSettings.URL_FORM + "; or [] for the callbackUrls")
        List<String> logoutUrls,
        @Fix("set \"off\", \"optional\" (each user may add an authenticator app) or \"required\" (every user signs in "
                + "with one), or leave it out for \"optional\"")
        Optional<Mfa> mfa,
        @Fix("set \"off\", \"audit\" (Cognito scores each sign-in's risk and reports it) or \"enforced\" (it also "
                + "blocks risky sign-ins and compromised passwords); audit and enforced need Cognito's Plus plan, "
                + "billed per monthly active user")
        Optional<ThreatProtection> threatProtection,
        @Fix("set the managed login domain's prefix (https://<prefix>.auth.<region>.amazoncognito.com): 1 to 63 "
                + "lower-case letters, digits and hyphens, no hyphen first or last, without \"aws\", \"amazon\" or "
                + "\"cognito\"; or leave it out for movierec-<env>-<8 hex digits of the stack's id>")
        Optional<String> domainPrefix,
        @JsonProperty(defaultValue = "" + JwtSettings.DEFAULT_TOKEN_VALIDITY_MINUTES)
        @Fix("set a whole number of minutes from " + JwtSettings.MIN_TOKEN_VALIDITY_MINUTES + " to "
                + JwtSettings.MAX_TOKEN_VALIDITY_MINUTES + " (a day) that ID and access tokens stay valid")
        int tokenValidityMinutes,
        @JsonProperty(defaultValue = "" + JwtSettings.DEFAULT_REFRESH_TOKEN_VALIDITY_DAYS)
        @Fix("set a whole number of days from 1 to " + JwtSettings.MAX_REFRESH_TOKEN_VALIDITY_DAYS + " that a "
                + "sign-in lasts through token refreshes")
        int refreshTokenValidityDays) {
    public static final int DEFAULT_TOKEN_VALIDITY_MINUTES = 60;
    /** Cognito's limits for ID and access tokens. */
    public static final int MIN_TOKEN_VALIDITY_MINUTES = 5;
    public static final int MAX_TOKEN_VALIDITY_MINUTES = 1440;
    public static final int DEFAULT_REFRESH_TOKEN_VALIDITY_DAYS = 30;
    /** Cognito's limit for refresh tokens: ten years. */
    public static final int MAX_REFRESH_TOKEN_VALIDITY_DAYS = 3650;
    /** Cognito's limit of callback and of sign-out URLs per app client. */
    public static final int MAX_URLS = 100;

    static final String URL_FORM = "https://host[:port][/path] in lower case without a fragment, or "
            + "http://localhost[:port][/path] for local development (Cognito accepts no other http address)";
    static final String OIDC_FIX = "set null: the REST API's Cognito authorizer verifies only a Cognito user pool's "
            + "tokens, so add this issuer to a user pool as an OIDC identity provider and name that pool in "
            + "existingUserPool (see \"Why a Cognito authorizer\" in infra/README.md)";
    private static final String HOST = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*"
            + "(:[1-9][0-9]{0,4})?";
    /** What Cognito takes as a redirect URL: absolute, no fragment, https unless it is localhost. */
    static final Pattern REDIRECT_URL = Pattern.compile("(https://" + HOST + "|http://localhost(:[1-9][0-9]{0,4})?)"
            + "(/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");
    /** Cognito's prefix domains; the reserved words are refused by Cognito at deploy. */
    static final Pattern DOMAIN_PREFIX =
            Pattern.compile("(?!.*(aws|amazon|cognito))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_URL_LENGTH = 1024;

    /** MFA of a user pool the stack creates: an authenticator app (TOTP); SMS and email need more set-up. */
    public enum Mfa {
        OFF("off"),
        OPTIONAL("optional"),
        REQUIRED("required");

        private final String configValue;

        Mfa(String configValue) {
            this.configValue = configValue;
        }

        @JsonValue
        public String configValue() {
            return configValue;
        }
    }

    /** Cognito's threat protection (formerly advanced security) for a pool the stack creates. */
    public enum ThreatProtection {
        OFF("off"),
        AUDIT("audit"),
        ENFORCED("enforced");

        private final String configValue;

        ThreatProtection(String configValue) {
            this.configValue = configValue;
        }

        @JsonValue
        public String configValue() {
            return configValue;
        }
    }

    /**
     * A user pool the stack does not create: its id (in the environment's region) and the base URL of its managed
     * login domain, which the page signs in through.
     *
     * @param userPoolId {@code <region>_<letters and digits>}
     * @param domain     {@code https://<prefix>.auth.<region>.amazoncognito.com} or the pool's custom domain
     */
    public record ExistingUserPool(
            @JsonProperty(required = true)
            @Fix("set the pool's id, <region>_<letters and digits> such as \"eu-west-1_AbCdEf123\" (Cognito console, "
                    + "or aws cognito-idp list-user-pools --max-results 10)")
            String userPoolId,
            @JsonProperty(required = true)
            @Fix("set the base URL of the pool's managed login domain, such as "
                    + "\"https://my-prefix.auth.eu-west-1.amazoncognito.com\" or \"https://auth.example.com\", in "
                    + "lower case without a path")
            String domain) {
        static final Pattern USER_POOL_ID = Pattern.compile("(" + AwsPatterns.REGION_REGEX + ")_[0-9A-Za-z]{1,40}");

        public ExistingUserPool {
            new ConfigCheck(ExistingUserPool.class)
                    .require(userPoolId != null && USER_POOL_ID.matcher(userPoolId).matches(), "userPoolId",
                            userPoolId)
                    .require(domain != null && ApiSettings.HTTPS_ORIGIN.matcher(domain).matches(), "domain", domain)
                    .done();
        }

        /** The region the pool is in: the first part of its id. */
        public String region() {
            return userPoolId.substring(0, userPoolId.indexOf('_'));
        }
    }

    public JwtSettings {
        ConfigCheck check = new ConfigCheck(JwtSettings.class);
        callbackUrls = callbackUrls == null ? List.of() : callbackUrls;
        oidcIssuer.ifPresent(issuer -> check.require(false, "oidcIssuer", issuer));
        urls(check, "callbackUrls", callbackUrls);
        if (callbackUrls.isEmpty()) {
            check.add(at("callbackUrls"), "is empty: list the page's address, e.g. [\"https://app.example.com/\"]");
        }
        urls(check, "logoutUrls", logoutUrls);
        if (existingUserPool.isPresent()) {
            String why = "an existing user pool keeps its own settings (change them on the pool); remove this key, or "
                    + "existingUserPool for a pool the stack creates";
            mfa.ifPresent(value -> check.require(false, at("mfa"), value, why));
            threatProtection.ifPresent(value -> check.require(false, at("threatProtection"), value, why));
            domainPrefix.ifPresent(value -> check.require(false, at("domainPrefix"), value, "an existing user pool "
                    + "signs in through its own domain, existingUserPool.domain; remove this key"));
        }
        domainPrefix.ifPresent(prefix -> check.require(DOMAIN_PREFIX.matcher(prefix).matches(), "domainPrefix",
                prefix));
        check.require(tokenValidityMinutes >= MIN_TOKEN_VALIDITY_MINUTES
                        && tokenValidityMinutes <= MAX_TOKEN_VALIDITY_MINUTES, "tokenValidityMinutes",
                        tokenValidityMinutes)
                .require(refreshTokenValidityDays >= 1 && refreshTokenValidityDays <= MAX_REFRESH_TOKEN_VALIDITY_DAYS,
                        "refreshTokenValidityDays", refreshTokenValidityDays)
                .done();
        callbackUrls = List.copyOf(callbackUrls);
        logoutUrls = logoutUrls.isEmpty() ? callbackUrls : List.copyOf(logoutUrls);
    }

    /** Each URL in Cognito's form, once, and at most {@link #MAX_URLS}. */
    private static void urls(ConfigCheck check, String key, List<String> urls) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url == null || url.length() > MAX_URL_LENGTH || !REDIRECT_URL.matcher(url).matches()) {
                check.require(false, at(key, i), url, URL_FORM);
            } else {
                check.require(seen.add(url), at(key, i), url, "it is listed twice; remove one");
            }
        }
        if (urls.size() > MAX_URLS) {
            check.add(at(key), "lists " + urls.size() + " URLs: an app client takes at most " + MAX_URLS);
        }
    }

    /** Whether the stack creates the user pool (and its domain), rather than using an existing one. */
    public boolean createsUserPool() {
        return existingUserPool.isEmpty();
    }

    /** A created pool's MFA: {@link Mfa#OPTIONAL} unless set. */
    public Mfa effectiveMfa() {
        return mfa.orElse(Mfa.OPTIONAL);
    }

    /** A created pool's threat protection: {@link ThreatProtection#OFF} unless set. */
    public ThreatProtection effectiveThreatProtection() {
        return threatProtection.orElse(ThreatProtection.OFF);
    }
}
