package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How callers of the recommendations API prove who they are. */
public enum ApiAuth {
    /** An API key in {@code x-api-key}, counted and throttled by a usage plan: for server-to-server clients. */
    API_KEY("apiKey"),
    /** AWS Signature Version 4 (AWS_IAM authorization): for backends holding AWS credentials. */
    IAM("iam"),
    /** A Cognito user pool's ID token in {@code Authorization} (COGNITO_USER_POOLS authorizer): signed-in users. */
    JWT("jwt");

    private final String configValue;

    ApiAuth(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code api.auth} in cdk.json, and of the API function's AUTH_MODE. */
    @JsonValue
    public String configValue() {
        return configValue;
    }

    public static Optional<ApiAuth> byConfigValue(String value) {
        return Arrays.stream(values()).filter(auth -> auth.configValue.equals(value)).findFirst();
    }
}
