package com.movierec.local.personalize.iam;

import java.util.List;

/**
 * What the IAM simulator decided for one request.
 *
 * @param result       allowed, or denied implicitly (no policy allows) or explicitly (a Deny statement matched)
 * @param denials      which policy types blocked it: {@code identity}, {@code resource}, ... with the kind of denial
 * @param wildcardOnly the action takes no resource type, so it was evaluated against {@code "*"} as AWS does
 */
public record PolicyDecision(Result result, List<Denial> denials, boolean wildcardOnly) {
    public enum Result { ALLOWED, IMPLICITLY_DENIED, EXPLICITLY_DENIED }

    /** One reason for a denial: the policy type ({@code identity}, {@code resource}, ...) and whether explicit. */
    public record Denial(String policyType, boolean explicit) {
    }

    public PolicyDecision {
        denials = List.copyOf(denials);
    }

    public boolean allowed() {
        return result == Result.ALLOWED;
    }
}
