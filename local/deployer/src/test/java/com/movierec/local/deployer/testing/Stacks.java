package com.movierec.local.deployer.testing;

import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.state.StateStore;
import java.util.List;

/** Looks up the dev stage's stacks and resources the way the tests name them. */
public final class Stacks {
    public static final String DATA = "movierec-dev-data";
    public static final String PERSONALIZE = "movierec-dev-personalize";
    public static final String API = "movierec-dev-api";

    private Stacks() {
    }

    public static StackState stack(StateStore store, String stackName) {
        return store.load(stackName).orElseThrow(() -> new AssertionError(stackName + " is not deployed"));
    }

    /** The one resource whose logical id starts with {@code prefix}, e.g. {@code RelatedItemsCampaign}. */
    public static ResourceRecord resource(StackState stack, String prefix) {
        List<ResourceRecord> matches = resources(stack, prefix);
        if (matches.size() != 1) {
            throw new AssertionError(stack.stackName() + " has " + matches.size() + " resources named " + prefix + "*");
        }
        return matches.get(0);
    }

    public static List<ResourceRecord> resources(StackState stack, String prefix) {
        return stack.resources().values().stream().filter(r -> r.logicalId().startsWith(prefix)).toList();
    }

    public static String physicalId(StackState stack, String prefix) {
        return resource(stack, prefix).physicalId();
    }
}
