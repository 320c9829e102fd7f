package com.movierec.local.deployer.auth;

/**
 * What Cognito's token endpoint answers: the ID token, the access token, the refresh token (null on a refresh, which
 * keeps the one the client has) and the seconds until the access token expires.
 */
public record TokenSet(String idToken, String accessToken, String refreshToken, long expiresIn) {
}
