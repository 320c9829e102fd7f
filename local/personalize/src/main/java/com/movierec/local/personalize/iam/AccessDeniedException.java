package com.movierec.local.personalize.iam;

/**
 * IAM said no. The message is AWS's own sentence ("User: ... is not authorized to perform: ... on resource: ...
 * because no identity-based policy allows the ... action"), so every local surface can answer with it unchanged.
 */
public final class AccessDeniedException extends RuntimeException {
    private final String principal;
    private final String action;
    private final String resource;

    public AccessDeniedException(String message, String principal, String action, String resource) {
        super(message);
        this.principal = principal;
        this.action = action;
        this.resource = resource;
    }

    public String principal() {
        return principal;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }
}
