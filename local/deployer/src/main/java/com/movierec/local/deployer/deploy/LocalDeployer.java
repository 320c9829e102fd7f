package com.movierec.local.deployer.deploy;

import com.movierec.local.deployer.deploy.assembly.CloudAssembly;
import com.movierec.local.deployer.deploy.assembly.StackArtifact;
import com.movierec.local.deployer.deploy.assembly.StageAssembly;
import com.movierec.local.deployer.deploy.stack.StackDeployment;
import com.movierec.local.deployer.deploy.stack.StackDestruction;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deploys a synthesized stage (cdk.out) locally, stack after stack in the assembly's order, as {@code cdk deploy}
 * would: the Personalize custom resources through the lifecycle handlers against personalize-local, everything else
 * on local stand-ins. A stack already deployed (per the state store) is updated; {@link #destroy} deletes the
 * stacks in reverse order.
 */
public final class LocalDeployer {
    private volatile StageDeployment lastDeployment;

    /**
     * Deploys every stack of the stage; stops at the first stack that fails, after rolling it back (the stacks
     * before it stay deployed, as with cdk deploy).
     *
     * @throws DeploymentFailedException naming the resource that failed and why
     */
    public StageDeployment deploy(CloudAssembly assembly, String stageName, DeployOptions options) {
        StageAssembly stage = assembly.stage(stageName);
        Map<StackArtifact, Template> templates = new LinkedHashMap<>();
        stage.stacks().forEach(stack -> templates.put(stack, Template.read(stack.templateFile())));
        checkParameters(templates, options.parameters());
        try (LocalSession session = LocalSession.open(stage, options)) {
            List<StackState> states = new ArrayList<>();
            templates.forEach((artifact, template) -> states.add(new StackDeployment(template,
                    session.context(artifact), artifact.displayName(),
                    declared(template, options.parameters()), session.services()).deploy()));
            StageDeployment deployment = new StageDeployment(stageName, states);
            lastDeployment = deployment;
            return deployment;
        }
    }

    /** Deletes every stack of the stage that is deployed, the last one first. */
    public void destroy(CloudAssembly assembly, String stageName, DeployOptions options) {
        StageAssembly stage = assembly.stage(stageName);
        try (LocalSession session = LocalSession.open(stage, options)) {
            List<StackArtifact> stacks = new ArrayList<>(stage.stacks());
            for (int i = stacks.size() - 1; i >= 0; i--) {
                StackArtifact artifact = stacks.get(i);
                new StackDestruction(session.context(artifact), artifact.displayName(), session.services()).destroy();
            }
        }
        StageDeployment last = lastDeployment;
        if (last != null && last.stageName().equals(stageName)) {
            lastDeployment = null;
        }
    }

    /**
     * The resolved environment variables of the recommendations API's function in the stage this deployer deployed
     * last: what a local HTTP adapter constructs the API handler with.
     */
    public Map<String, String> deployedApiEnvironment() {
        StageDeployment last = lastDeployment;
        if (last == null) {
            throw new IllegalStateException("this deployer has no deployed stage: deploy one first");
        }
        return last.apiEnvironment();
    }

    private static void checkParameters(Map<StackArtifact, Template> templates, Map<String, String> given) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        templates.values().forEach(template -> unknown.removeAll(template.parameters().keySet()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no stack of the stage has the parameters " + unknown);
        }
    }

    private static Map<String, String> declared(Template template, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>(given);
        values.keySet().retainAll(template.parameters().keySet());
        return values;
    }
}
