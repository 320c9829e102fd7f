package com.movierec.local.personalize.server.auth;

import java.util.Map;

/** One thing IAM must allow for a request: an action on a resource, with the request's condition keys. */
public record Permission(String action, String resource, Map<String, String> context) {
    public Permission {
        context = Map.copyOf(context);
    }

    static Permission of(String action, String resource) {
        return new Permission(action, resource, Map.of());
    }
}
