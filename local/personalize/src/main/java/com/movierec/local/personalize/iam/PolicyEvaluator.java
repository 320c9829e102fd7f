package com.movierec.local.personalize.iam;

/** Evaluates one request against its policies: the IAM simulator, or a recorded answer in a unit test. */
@FunctionalInterface
public interface PolicyEvaluator {
    PolicyDecision evaluate(SimulationRequest request);
}
