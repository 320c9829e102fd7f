package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.DeploymentFailedException;
import com.movierec.local.deployer.deploy.ResourceStatus;
import com.movierec.local.deployer.deploy.StackEvent;
import com.movierec.local.deployer.deploy.resources.ResourceFailure;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.state.OutputValue;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.state.StackState;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateException;
import com.movierec.local.deployer.deploy.template.TemplateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates or updates one stack as CloudFormation does.
 *
 * <p>Create: every resource in dependency order. Update, against the recorded state: a resource whose resolved
 * properties are unchanged is left alone, a changed one gets an Update (a new physical id is a replacement), a new
 * one is created; once all succeeded, the {@link Cleanup} deletes what the template no longer has and what was
 * replaced. A failure is handed to the {@link Rollback}; which changes it undoes:
 * <ul>
 *   <li>a create that got as far as a physical id (a custom resource whose onEvent answered before isComplete
 *       failed) is deleted, as CloudFormation sends the Delete;</li>
 *   <li>an update that reached the resource is undone too: in place by updating back, a replacement by deleting the
 *       new resource. Unlike CloudFormation, which sends the replacement an Update with the old properties (for the
 *       Personalize handlers, a create of a name that still exists), the new resource is simply deleted;</li>
 *   <li>an update whose onEvent failed changed nothing and is not undone.</li>
 * </ul>
 * Resources are processed one at a time; CloudFormation runs independent ones in parallel.
 */
public final class StackDeployment {
    private final Template template;
    private final StackContext stack;
    private final Map<String, JsonNode> parameters;
    private final StackServices services;
    private final StackEvents events;
    private final ResourceOperations operations;
    private final StateWriter state;

    public StackDeployment(Template template, StackContext stack, String displayName, Map<String, String> parameters,
                           StackServices services) {
        this.template = template;
        this.stack = stack;
        this.parameters = ParameterValues.of(template, parameters);
        this.services = services;
        this.events = new StackEvents(stack.stackName(), displayName, services.listener());
        this.operations = new ResourceOperations(stack, services.handlers(), events);
        this.state = new StateWriter(stack.stackName(), services.store());
    }

    /**
     * Deploys the stack and answers its new state.
     *
     * @throws DeploymentFailedException when a resource failed; the stack has been rolled back
     * @throws TemplateException when the template cannot be deployed at all; nothing was changed
     */
    public StackState deploy() {
        Optional<StackState> previous = services.store().load(stack.stackName());
        previous.filter(deployed -> deployed.status().failed()).ifPresent(deployed -> {
            throw new IllegalStateException("stack " + stack.stackName() + " is " + deployed.status()
                    + " after an earlier run: destroy it, then deploy again");
        });
        Map<String, ResourceRecord> working = new LinkedHashMap<>(previous.map(StackState::resources).orElse(Map.of()));
        StackResolver resolver = new StackResolver(template, stack, parameters, working, services.exports());
        DeploymentPlan plan = DeploymentPlan.of(template, resolver, previous, services.handlers());
        events.starting(previous.isEmpty() ? ResourceStatus.CREATE_IN_PROGRESS : ResourceStatus.UPDATE_IN_PROGRESS);

        List<Change> changes = new ArrayList<>();
        Map<String, OutputValue> outputs;
        try {
            for (String logicalId : plan.order()) {
                apply(template.resource(logicalId), plan, resolver, working, changes, previous);
            }
            outputs = outputs(resolver);
        } catch (StepFailure failure) {
            throw new Rollback(state, events, operations, cdkPaths()).run(failure, changes, working, previous);
        }

        if (previous.isEmpty()) {
            return finish(working, outputs, ResourceStatus.CREATE_COMPLETE);
        }
        List<Cleanup.Obsolete> obsolete = Cleanup.obsolete(previous.get(), plan.order(), changes);
        if (changes.isEmpty() && obsolete.isEmpty() && outputs.equals(previous.get().outputs())) {
            StackState unchanged = state.save(working, previous.get().status(), outputs);
            events.unchanged(unchanged.status());
            return unchanged;
        }
        new Cleanup(events, operations, cdkPaths()).run(previous.get(), obsolete, working);
        return finish(working, outputs, ResourceStatus.UPDATE_COMPLETE);
    }

    private void apply(TemplateResource resource, DeploymentPlan plan, StackResolver resolver,
                       Map<String, ResourceRecord> working, List<Change> changes, Optional<StackState> previous) {
        String id = resource.logicalId();
        Set<String> dependencies = plan.graph().dependenciesOf(id);
        ResourceRecord before = working.get(id);
        JsonNode properties = resolve(resource, resolver, before);
        if (before == null) {
            try {
                ResourceRecord created = operations.create(resource, properties, dependencies);
                working.put(id, created);
                changes.add(new Change.Created(created));
            } catch (ResourceFailure failure) {
                failure.physicalId().ifPresent(physicalId -> changes.add(new Change.Created(
                        ResourceOperations.started(resource, properties, physicalId, dependencies))));
                throw new StepFailure(id, resource.type(), failure.getMessage(), properties);
            }
        } else if (before.properties().equals(properties)) {
            working.put(id, before.withDependencies(dependencies, resource.deletionPolicy()));
        } else {
            try {
                ResourceRecord after = operations.update(resource, properties, before, dependencies);
                working.put(id, after);
                changes.add(after.physicalId().equals(before.physicalId())
                        ? new Change.UpdatedInPlace(before, after) : new Change.Replaced(before, after));
            } catch (ResourceFailure failure) {
                failure.physicalId().ifPresent(physicalId -> {
                    ResourceRecord started = ResourceOperations.started(resource, properties, physicalId, dependencies);
                    changes.add(physicalId.equals(before.physicalId())
                            ? new Change.UpdatedInPlace(before, started) : new Change.Replaced(before, started));
                });
                throw new StepFailure(id, resource.type(), failure.getMessage(), properties);
            }
        }
        state.save(working, previous.isEmpty() ? ResourceStatus.CREATE_IN_PROGRESS : ResourceStatus.UPDATE_IN_PROGRESS,
                previous.map(StackState::outputs).orElse(Map.of()));
    }

    /**
     * The resource's properties with every intrinsic resolved; a reference that cannot be resolved fails it.
     * {@code before} is null for a create.
     */
    private JsonNode resolve(TemplateResource resource, StackResolver resolver, ResourceRecord before) {
        try {
            return resolver.resolve(resource.properties(), "Resources." + resource.logicalId() + ".Properties");
        } catch (TemplateException e) {
            events.begin(resource.logicalId(), before == null ? null : before.physicalId(), resource.type(),
                    resource.cdkPath(), before == null ? ResourceStatus.CREATE_FAILED : ResourceStatus.UPDATE_FAILED,
                    e.getMessage());
            throw new StepFailure(resource.logicalId(), resource.type(), e.getMessage(), null);
        }
    }

    private Map<String, OutputValue> outputs(StackResolver resolver) {
        Map<String, OutputValue> outputs = new LinkedHashMap<>();
        try {
            template.outputs().forEach((name, output) -> {
                if (output.condition().map(resolver::condition).orElse(true)) {
                    String value = text(resolver.resolve(output.value(), "Outputs." + name + ".Value"));
                    String exportName = output.exportName()
                            .map(expression -> text(resolver.resolve(expression, "Outputs." + name + ".Export.Name")))
                            .orElse(null);
                    outputs.put(name, new OutputValue(value, exportName));
                }
            });
        } catch (TemplateException e) {
            throw new StepFailure(stack.stackName(), StackEvent.STACK_TYPE, e.getMessage(), null);
        }
        return outputs;
    }

    private StackState finish(Map<String, ResourceRecord> working, Map<String, OutputValue> outputs,
                              ResourceStatus status) {
        StackState deployed = state.save(working, status, outputs);
        events.stack(status, null);
        return deployed;
    }

    /** Construct paths of the template's resources, for the events; resources it no longer has have none. */
    private Function<String, Optional<String>> cdkPaths() {
        return logicalId -> Optional.ofNullable(template.resources().get(logicalId))
                .flatMap(TemplateResource::cdkPath);
    }

    /** An output as CloudFormation shows it: a list joined with commas. */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
