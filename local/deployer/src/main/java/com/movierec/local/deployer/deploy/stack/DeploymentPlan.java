package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.resources.HandlerLookup;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.DependencyGraph;
import com.movierec.local.deployer.deploy.template.References;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateException;
import com.movierec.local.deployer.deploy.template.TemplateResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deploy will do, checked before it touches anything: the resources whose Condition holds, what each needs
 * (DependsOn and every Ref, Fn::GetAtt and Fn::Sub reference), the order, and that every type can be deployed
 * locally and no resource changes type. Any problem is a {@link TemplateException} (or an unsupported type) raised
 * while nothing has been created yet.
 */
record DeploymentPlan(DependencyGraph graph, List<String> order) {

    static DeploymentPlan of(Template template, StackResolver resolver, Optional<StackState> previous,
                             HandlerLookup handlers) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        template.resources().values().stream().filter(resolver::included).forEach(resource -> {
            handlers.forType(resource.type());
            previous.flatMap(state -> state.resource(resource.logicalId()))
                    .filter(record -> !record.type().equals(resource.type()))
                    .ifPresent(record -> {
                        throw new TemplateException("Update of resource type is not permitted. The new template "
                                + "modifies resource type of the following resources: [" + resource.logicalId() + "]");
                    });
            dependencies.put(resource.logicalId(), needs(resource, template));
        });
        Set<String> unresolved = new TreeSet<>();
        dependencies.values().forEach(needs -> needs.stream().filter(id -> !dependencies.containsKey(id))
                .forEach(unresolved::add));
        if (!unresolved.isEmpty()) {
            throw new TemplateException("Template format error: Unresolved resource dependencies " + unresolved
                    + " in the Resources block of the template");
        }
        DependencyGraph graph = new DependencyGraph(dependencies);
        return new DeploymentPlan(graph, graph.creationOrder());
    }

    private static Set<String> needs(TemplateResource resource, Template template) {
        Set<String> needs = new TreeSet<>(resource.dependsOn());
        needs.addAll(References.resourcesIn(resource.properties(), template.parameters().keySet()));
        return needs;
    }
}
