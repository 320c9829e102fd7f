package com.movierec.local.deployer.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.deployer.api.DeployedRestApi;
import com.movierec.local.deployer.auth.LocalCognito.PageSignIn;
import java.util.Optional;

/**
 * The page's runtime config ({@code web/config.json}) for the deployed stage, with the keys the web stack generates
 * on AWS: {@code apiBase} ({@code /api}: the API under the page's own origin), {@code auth} ({@code jwt},
 * {@code apiKey} or {@code iam}, from the deployed methods), {@code region}, and for jwt the local pool's
 * {@code userPoolId}, the page's app client {@code clientId} and {@code authDomain}, the local managed login's base
 * URL (null otherwise).
 */
final class PageConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageConfig() {
    }

    static String json(DeployedRestApi api, Optional<PageSignIn> signIn, String region) {
        ObjectNode config = JSON.createObjectNode();
        config.put("apiBase", "/api");
        String auth = api.authMode();
        config.put("auth", auth);
        config.put("region", region);
        boolean jwt = "jwt".equals(auth) && signIn.isPresent();
        config.put("userPoolId", jwt ? signIn.get().pool().id() : null);
        config.put("clientId", jwt ? signIn.get().client().clientId() : null);
        config.put("authDomain", jwt ? signIn.get().managedLogin().baseUrl().toString() : null);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
