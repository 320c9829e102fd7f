package com.movierec.local.personalize.iam;

/**
 * AWS's wording of an authorization failure, e.g. "User: arn:aws:sts::111122223333:assumed-role/Role/fn is not
 * authorized to perform: personalize:PutEvents on resource: * because no identity-based policy allows the
 * personalize:PutEvents action" (IAM User Guide, "Troubleshoot access denied error messages"): the policy type that
 * blocked it and whether a Deny statement did.
 */
final class DenialMessages {
    private DenialMessages() {
    }

    static String forCaller(String principal, String action, String resource, PolicyDecision decision) {
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + reason(action, decision);
    }

    private static String reason(String action, PolicyDecision decision) {
        PolicyDecision.Denial first = decision.denials().stream().filter(PolicyDecision.Denial::explicit).findFirst()
                .orElse(decision.denials().isEmpty() ? new PolicyDecision.Denial("identity", false)
                        : decision.denials().get(0));
        String type = switch (first.policyType()) {
            case "resource" -> "resource-based policy";
            case "scp" -> "service control policy";
            case "rcp" -> "resource control policy";
            case "pb" -> "permissions boundary";
            case "vpce" -> "VPC endpoint policy";
            default -> "identity-based policy";
        };
        return first.explicit()
                ? "with an explicit deny in " + (type.startsWith("identity") ? "an " : "a ") + type
                : "because no " + type + " allows the " + action + " action";
    }
}
