package com.movierec.local.personalize.iam;

/**
 * Who signed a request: the principal IAM evaluates ({@code arn:aws:sts::...:assumed-role/<role>/<session>} or a
 * user's ARN) and the identity whose policies apply (the role's or the user's ARN).
 */
public record Caller(String principalArn, String identityArn) {
}
