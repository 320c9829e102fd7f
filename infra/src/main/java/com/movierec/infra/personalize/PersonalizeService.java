package com.movierec.infra.personalize;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** The Personalize service principal, and the confused-deputy conditions every grant to it carries. */
public final class PersonalizeService {
    public static final String PRINCIPAL = "personalize.amazonaws.com";

    private PersonalizeService() {
    }

    /**
     * Personalize acting for a resource of this environment in this account and region, and for nothing else:
     * {@code aws:SourceAccount} pins the account and {@code aws:SourceArn} the resources' name prefix.
     */
    public static Map<String, Object> sourceConditions(PersonalizeArns arns) {
        // Sorted, so the template is byte-for-byte the same on every synth (Map.of iterates in random order).
        Map<String, Object> conditions = new TreeMap<>();
        conditions.put("StringEquals", Map.of("aws:SourceAccount", arns.account()));
        conditions.put("ArnLike", Map.of("aws:SourceArn", arns.anyOwnResource()));
        return conditions;
    }

    public static IPrincipal principal(PersonalizeArns arns) {
        return new ServicePrincipal(PRINCIPAL).withConditions(sourceConditions(arns));
    }
}
