package com.movierec.local.personalize.iam;

/**
 * Credentials local mode hands out, as STS would: an access key id, its secret, and for a role session a token.
 *
 * @param principalArn the identity they sign as: {@code arn:aws:sts::<account>:assumed-role/<role>/<session>} or a
 *                     user's ARN
 * @param sessionToken null for a user's long-term key
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                 String principalArn) {
    @Override
    public String toString() {
        // never the secret in a log line
        return "SessionCredentials[" + accessKeyId + " for " + principalArn + "]";
    }
}
