package com.movierec.infra.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/**
 * Suppresses cdk-nag findings on exactly one resource, with a reason, and spells references the way cdk-nag prints
 * them in a finding ({@code <LogicalId.Arn>}, {@code <AWS::Region>}), so {@code appliesTo} lists the exact strings.
 */
public final class NagFindings {
    private NagFindings() {
    }

    /** Suppresses on {@code resource} itself (an L1, or an L2 whose default child is the resource), not its children. */
    public static void suppress(IConstruct resource, String rule, String reason, List<String> appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (!appliesTo.isEmpty()) {
            suppression.appliesTo(List.copyOf(appliesTo));
        }
        NagSuppressions.addResourceSuppressions(resource, List.of(suppression.build()), false);
    }

    public static void suppress(IConstruct resource, String rule, String reason) {
        suppress(resource, rule, reason, List.of());
    }

    /** A wildcard finding's subject, e.g. {@code Resource::arn:<AWS::Partition>:s3:::bucket/*}. */
    public static String resource(String resource) {
        return "Resource::" + resource;
    }

    public static String action(String action) {
        return "Action::" + action;
    }

    public static String managedPolicy(String name) {
        return "Policy::arn:<AWS::Partition>:iam::aws:policy/" + name;
    }

    /** {@code <LogicalId.Arn>} of an L2 construct's resource, or of an L1. */
    public static String arnOf(IConstruct construct) {
        IConstruct resource = construct.getNode().getDefaultChild() != null
                ? construct.getNode().getDefaultChild() : construct;
        return "<" + Stack.of(resource).getLogicalId((CfnElement) resource) + ".Arn>";
    }

    public static String account(Stack stack) {
        return Token.isUnresolved(stack.getAccount()) ? "<AWS::AccountId>" : stack.getAccount();
    }

    public static String region(Stack stack) {
        return Token.isUnresolved(stack.getRegion()) ? "<AWS::Region>" : stack.getRegion();
    }

    /** The policy CDK attaches to a role it adds statements to. */
    public static IConstruct defaultPolicy(IConstruct role) {
        return role.getNode().findChild("DefaultPolicy");
    }
}
