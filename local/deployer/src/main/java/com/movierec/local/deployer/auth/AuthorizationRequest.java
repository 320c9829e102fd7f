package com.movierec.local.deployer.auth;

import java.util.Set;

/**
 * A validated request to managed login's authorize endpoint: the client, where to send the code, the scopes granted,
 * the PKCE S256 code challenge, and the client's {@code state} and {@code nonce} (either may be null) passed through.
 */
public record AuthorizationRequest(String clientId, String redirectUri, Set<String> scopes, String codeChallenge,
                                   String state, String nonce) {
    public AuthorizationRequest {
        scopes = Set.copyOf(scopes);
    }
}
