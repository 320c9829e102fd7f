package com.movierec.infra.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How callers of the recommendations API prove who they are. */
public enum ApiAuth {
    /** An API key in {@code x-api-key}, counted and throttled by a usage plan: for browser frontends. */
    API_KEY("apiKey"),
    /** AWS Signature Version 4 (AWS_IAM authorization): for backends holding AWS credentials. */
    IAM("iam");

    private final String configValue;

    ApiAuth(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code api.auth} in cdk.json. */
    @JsonValue
    public String configValue() {
        return configValue;
    }

    public static Optional<ApiAuth> byConfigValue(String value) {
        return Arrays.stream(values()).filter(auth -> auth.configValue.equals(value)).findFirst();
    }
}
