package com.movierec.local.deployer.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What stands in front of the API locally besides the handler: API Gateway's method authorization from the deployed
 * stage, the page's runtime config ({@code /config.json}, as the web stack generates it on AWS) and the origins the
 * page may call besides its own (the sign-in's token endpoint), which the page's Content-Security-Policy allows.
 */
public record Front(ApiGatewayAuthorization authorization, Optional<String> pageConfigJson,
                    List<String> connectSources) {
    /** No authorization, no generated config: the adapter as it was before sign-in existed. */
    public static final Front NONE = new Front(ApiGatewayAuthorization.NONE, Optional.empty(), List.of());

    public Front {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(pageConfigJson, "pageConfigJson");
        connectSources = List.copyOf(connectSources);
    }
}
