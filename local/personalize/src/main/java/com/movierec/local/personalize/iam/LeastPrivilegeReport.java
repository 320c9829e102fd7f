package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a run's calls say about the deployed roles' grants: every call IAM denied (a deployment that works has none),
 * and, per role, every action its policies allow that no call used (remove it, or justify it). Actions are compared
 * as IAM matches them: case-insensitive, {@code *} and {@code ?} as wildcards.
 */
public final class LeastPrivilegeReport {
    /** One granted action pattern of a role's policy and the calls that used it. */
    public record Grant(String roleArn, String policy, String action, long calls) {
        public boolean used() {
            return calls > 0;
        }
    }

    private final List<AccessLog.Call> denied;
    private final List<Grant> grants;

    private LeastPrivilegeReport(List<AccessLog.Call> denied, List<Grant> grants) {
        this.denied = List.copyOf(denied);
        this.grants = List.copyOf(grants);
    }

    /**
     * Compares the roles' Allow statements ({@link AccountIam#rolePolicies()}, taken while the stacks were deployed)
     * with the calls recorded in {@code log}.
     */
    public static LeastPrivilegeReport of(Map<String, List<NamedPolicy>> rolePolicies, AccessLog log) {
        Map<AccessLog.Call, Long> calls = log.calls();
        List<Grant> grants = new ArrayList<>();
        rolePolicies.forEach((role, policies) -> {
            Map<String, Long> used = new LinkedHashMap<>();
            calls.forEach((call, count) -> {
                if (call.allowed() && call.identityArn().equals(role)) {
                    used.merge(call.action(), count, Long::sum);
                }
            });
            for (NamedPolicy policy : policies) {
                for (JsonNode statement : statements(policy.document())) {
                    if (!"Allow".equals(statement.path("Effect").asText())) {
                        continue;
                    }
                    for (String action : texts(statement.path("Action"))) {
                        Pattern pattern = glob(action);
                        long count = used.entrySet().stream().filter(e -> pattern.matcher(e.getKey()).matches())
                                .mapToLong(Map.Entry::getValue).sum();
                        grants.add(new Grant(role, policy.name(), action, count));
                    }
                }
            }
        });
        return new LeastPrivilegeReport(log.denied(), grants);
    }

    public List<AccessLog.Call> denied() {
        return denied;
    }

    public List<Grant> grants() {
        return grants;
    }

    public List<Grant> unused() {
        return grants.stream().filter(g -> !g.used()).toList();
    }

    /** The unused grants no line of {@code justifications} explains: each must be removed or justified. */
    public List<Grant> unexplained(GrantJustifications justifications) {
        return unused().stream().filter(g -> justifications.reasonFor(g).isEmpty()).toList();
    }

    /** The report as Markdown: the figures, the denied calls, then the unused grants by role with their reasons. */
    public String markdown(GrantJustifications justifications) {
        StringBuilder text = new StringBuilder("# Least privilege, measured\n\n");
        Set<String> roles = new TreeSet<>();
        grants.forEach(g -> roles.add(g.roleArn()));
        text.append("- roles: ").append(roles.size()).append('\n')
                .append("- granted actions (statement entries): ").append(grants.size()).append('\n')
                .append("- used by at least one call: ").append(grants.size() - unused().size()).append('\n')
                .append("- granted but never used: ").append(unused().size()).append('\n')
                .append("- calls denied: ").append(denied.size()).append("\n\n");
        if (!denied.isEmpty()) {
            text.append("## Denied calls\n\n");
            denied.forEach(c -> text.append("- ").append(c.denial() == null ? c.action() + " " + c.resource()
                    : c.denial()).append('\n'));
            text.append('\n');
        }
        text.append("## Granted, never used\n\n");
        for (Grant grant : unused()) {
            text.append("- `").append(AccountIam.name(grant.roleArn())).append("` ").append(grant.action())
                    .append(" (").append(grant.policy()).append("): ").append(justifications.reasonFor(grant)
                            .map(GrantJustifications.Justification::reason).orElse("UNEXPLAINED")).append('\n');
        }
        return text.toString();
    }

    private static List<JsonNode> statements(JsonNode document) {
        JsonNode statements = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        return list;
    }

    private static List<String> texts(JsonNode value) {
        List<String> list = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> list.add(v.asText()));
        } else if (value.isTextual()) {
            list.add(value.asText());
        }
        return list;
    }

    private static Pattern glob(String action) {
        return GrantJustifications.glob(action);
    }
}
