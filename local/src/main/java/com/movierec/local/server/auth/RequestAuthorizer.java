package com.movierec.local.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.iam.AccessDeniedException;
import com.movierec.local.iam.Authorizer;
import com.movierec.local.iam.Caller;
import com.movierec.local.iam.UnevaluableRequestException;
import java.util.List;

/**
 * Authenticates and authorises a Personalize request as AWS does before the service sees it: the SigV4 key must be
 * one local mode issued (a role session's or the administrator's), and IAM must allow every permission the request
 * needs. Refusals carry AWS's error types and messages.
 */
public final class RequestAuthorizer {
    private final Authorizer authorizer;
    private final RequiredPermissions permissions;

    public RequestAuthorizer(Authorizer authorizer, RequiredPermissions permissions) {
        this.authorizer = authorizer;
        this.permissions = permissions;
    }

    /**
     * @param authorization the request's {@code Authorization} header
     * @param restProtocol  whether the API is REST JSON (runtime, events: 403 for a denial) rather than AWS JSON 1.1
     *                      (the control plane: 400)
     * @throws AuthFailure  UnrecognizedClientException, MissingAuthenticationTokenException or AccessDeniedException
     */
    public void authorize(String authorization, String operation, JsonNode body, boolean restProtocol) {
        String keyId = SigV4Credential.accessKeyId(authorization).orElseThrow(() -> new AuthFailure(
                restProtocol ? 403 : 400, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        Caller caller = authorizer.iam().caller(keyId).orElseThrow(() -> new AuthFailure(restProtocol ? 403 : 400,
                "UnrecognizedClientException", "The security token included in the request is invalid."));
        List<Permission> needed = permissions.of(operation, body);
        for (Permission permission : needed) {
            try {
                authorizer.require(caller, permission.action(), permission.resource(), permission.context());
            } catch (AccessDeniedException e) {
                throw new AuthFailure(restProtocol ? 403 : 400, "AccessDeniedException", e.getMessage());
            } catch (UnevaluableRequestException e) {
                // not an ARN of the type the action takes: the service answers it (InvalidInput, ResourceNotFound)
            }
        }
    }
}
