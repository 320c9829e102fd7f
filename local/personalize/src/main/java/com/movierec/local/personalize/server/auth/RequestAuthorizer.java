package com.movierec.local.personalize.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.iam.AccessDeniedException;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.iam.Caller;
import com.movierec.local.personalize.iam.UnevaluableRequestException;
import java.time.Clock;
import java.util.List;

/**
 * Authenticates and authorises a Personalize request as AWS does before the service sees it: the SigV4 signature
 * must be valid for a key local mode issued (a role session's or the administrator's, {@link RequestAuthenticator}),
 * and IAM must allow every permission the request needs. Refusals carry AWS's error types and messages.
 */
public final class RequestAuthorizer {
    private final Authorizer authorizer;
    private final RequiredPermissions permissions;
    private final RequestAuthenticator authenticator;

    public RequestAuthorizer(Authorizer authorizer, RequiredPermissions permissions) {
        this.authorizer = authorizer;
        this.permissions = permissions;
        this.authenticator = new RequestAuthenticator(authorizer.iam(), Clock.systemUTC());
    }

    /**
     * @param request      the request as received, which its signature must match
     * @param body         its body as JSON, for the resources the operation names
     * @param restProtocol whether the API is REST JSON (runtime, events: 403 for a refusal) rather than AWS JSON 1.1
     *                     (the control plane: 400)
     * @throws AuthFailure MissingAuthenticationTokenException, IncompleteSignatureException,
     *                     InvalidSignatureException, UnrecognizedClientException or AccessDeniedException
     */
    public void authorize(ReceivedRequest request, String operation, JsonNode body, boolean restProtocol) {
        int status = restProtocol ? 403 : 400;
        Caller caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (SignatureRefusal e) {
            throw new AuthFailure(status, e.type(), e.getMessage());
        }
        List<Permission> needed = permissions.of(operation, body);
        for (Permission permission : needed) {
            try {
                authorizer.require(caller, permission.action(), permission.resource(), permission.context());
            } catch (AccessDeniedException e) {
                throw new AuthFailure(status, "AccessDeniedException", e.getMessage());
            } catch (UnevaluableRequestException e) {
                // not an ARN of the type the action takes: the service answers it (InvalidInput, ResourceNotFound)
            }
        }
    }
}
