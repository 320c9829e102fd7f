package com.movierec.api.auth;

import com.movierec.schemas.contract.ApiEnvironment;
import java.util.Arrays;
import java.util.Optional;

/** How API Gateway authenticated the caller before the API runs: the stack's api.auth, in AUTH_MODE. */
public enum AuthMode {
    /** An API key: the caller is a trusted client, which may act for any user. */
    API_KEY(ApiEnvironment.AUTH_MODE_API_KEY),
    /** AWS Signature Version 4: the caller is a trusted backend, which may act for any user. */
    IAM(ApiEnvironment.AUTH_MODE_IAM),
    /** A Cognito user pool's ID token: the caller is a signed-in user, who may act only for itself. */
    JWT(ApiEnvironment.AUTH_MODE_JWT);

    private final String variableValue;

    AuthMode(String variableValue) {
        this.variableValue = variableValue;
    }

    /** AUTH_MODE's spelling. */
    public String variableValue() {
        return variableValue;
    }

    public static Optional<AuthMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.variableValue.equals(value)).findFirst();
    }
}
