package com.movierec.api.auth;

import com.movierec.api.Validation;
import com.movierec.api.http.ApiException;
import com.movierec.api.http.ApiRequest;
import com.movierec.api.http.ErrorCode;
import java.util.Map;

/**
 * Who may act for which user. With {@link AuthMode#JWT} the caller is the user of the ID token API Gateway's Cognito
 * authorizer verified: the claims it passes in {@code requestContext.authorizer.claims} name the user's MovieLens id in
 * {@value #USER_ID_CLAIM} (an attribute only administrators set), or else the user's {@code sub}. Such a caller may
 * read and record only for that id; anything else is 403 FORBIDDEN. With API keys or IAM the caller is a trusted
 * client and may act for any user.
 */
public final class SignedInUsers {
    /** The admin-set user pool attribute with the user's MovieLens id. */
    public static final String USER_ID_CLAIM = "custom:movierec_user_id";
    /** Cognito's own, immutable user id; the user id when {@value #USER_ID_CLAIM} is not set. */
    public static final String SUBJECT_CLAIM = "sub";

    private final AuthMode mode;

    public SignedInUsers(AuthMode mode) {
        this.mode = mode;
    }

    /**
     * Requires a signed-in user with {@link AuthMode#JWT}. API Gateway's authorizer already answered 401 to a request
     * without a valid token; this refuses a request that reached the API without one all the same (a method without
     * the authorizer, a local adapter that skipped it), so no route is ever open by mistake.
     */
    public void requireSignedIn(ApiRequest request) {
        if (mode == AuthMode.JWT) {
            userOf(request);
        }
    }

    /** Requires, with {@link AuthMode#JWT}, that the signed-in user is {@code userId}: a user acts only for itself. */
    public void requireActingFor(ApiRequest request, String userId) {
        if (mode == AuthMode.JWT) {
            String signedIn = userOf(request);
            if (!signedIn.equals(userId)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This ID token is user " + signedIn + "'s, and a "
                        + "signed-in user may only read and record for itself.");
            }
        }
    }

    /** The signed-in user's id, from the authorizer's claims. */
    private static String userOf(ApiRequest request) {
        Map<String, String> claims = request.authorizerClaims();
        String userId = nonBlank(claims.get(USER_ID_CLAIM));
        if (userId == null) {
            userId = nonBlank(claims.get(SUBJECT_CLAIM));
        }
        if (userId == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The request carries no signed-in user: sign in and send "
                    + "the ID token in the Authorization header.");
        }
        if (!Validation.isId(userId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The signed-in user's id is not one this API accepts: an "
                    + "administrator must set " + USER_ID_CLAIM + " to the user's id (letters, digits and _ . : @ -).");
        }
        return userId;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
