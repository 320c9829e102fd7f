package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a call is allowed, the way IAM does, by asking the simulator with the caller's identity policies
 * and the resource's own policy from {@link AccountIam}; a denial becomes AWS's own sentence. Every decision goes
 * to the {@link AccessLog}.
 */
public final class Authorizer {
    /** Every request local mode sees stands for one made over TLS, as the SDKs' and the services' are. */
    private static final Map<String, String> REQUEST_KEYS = Map.of("aws:SecureTransport", "true");

    private final AccountIam iam;
    private final PolicyEvaluator evaluator;
    private final AccessLog log = new AccessLog();

    public Authorizer(AccountIam iam, PolicyEvaluator evaluator) {
        this.iam = iam;
        this.evaluator = evaluator;
    }

    public AccountIam iam() {
        return iam;
    }

    public AccessLog log() {
        return log;
    }

    /**
     * @throws AccessDeniedException with AWS's message when {@code caller} may not perform {@code action} on
     *                               {@code resource}
     */
    public void require(Caller caller, String action, String resource, Map<String, String> context) {
        PolicyDecision decision = decide(caller, action, resource, context);
        if (!decision.allowed()) {
            throw new AccessDeniedException(DenialMessages.forCaller(caller.principalArn(), action,
                    decision.wildcardOnly() ? "*" : resource, decision), caller.principalArn(), action, resource);
        }
    }

    public PolicyDecision decide(Caller caller, String action, String resource, Map<String, String> context) {
        List<NamedPolicy> identity = iam.identityPolicies(caller.identityArn());
        JsonNode resourcePolicy = iam.resourcePolicyFor(action, resource).orElse(null);
        Map<String, String> keys = new java.util.TreeMap<>(REQUEST_KEYS);
        // The global keys AWS sets on every signed request: for a role session the principal ARN is the role's.
        keys.put("aws:PrincipalArn", caller.identityArn());
        keys.put("aws:PrincipalAccount", iam.accountId());
        keys.putAll(context);
        PolicyDecision decision = evaluator.evaluate(new SimulationRequest(caller.principalArn(), action, resource,
                accountOf(resource), keys, identity, resourcePolicy));
        log.record(new AccessLog.Call(caller.identityArn(), action, decision.wildcardOnly() ? "*" : resource,
                decision.allowed(), decision.allowed() ? null : DenialMessages.forCaller(caller.principalArn(),
                action, decision.wildcardOnly() ? "*" : resource, decision)));
        return decision;
    }

    /**
     * A service acting for the account ({@code personalize.amazonaws.com} assuming a role, reading a bucket): only
     * the resource's policy can allow it.
     */
    public PolicyDecision decideForService(String servicePrincipal, String action, String resource,
                                           Map<String, String> context) {
        JsonNode resourcePolicy = iam.resourcePolicyFor(action, resource).orElse(null);
        Map<String, String> keys = new java.util.TreeMap<>(REQUEST_KEYS);
        keys.put("aws:PrincipalServiceName", servicePrincipal);
        keys.putAll(context);
        PolicyDecision decision = evaluator.evaluate(new SimulationRequest(servicePrincipal, action, resource,
                accountOf(resource), keys, List.of(), resourcePolicy));
        log.record(new AccessLog.Call(servicePrincipal, action, resource, decision.allowed(),
                decision.allowed() ? null : "denied to " + servicePrincipal));
        return decision;
    }

    /** The account in an ARN, or this account for ARNs without one (S3) and for {@code *}. */
    private String accountOf(String resource) {
        String[] parts = resource.split(":", 6);
        return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : iam.accountId();
    }
}
