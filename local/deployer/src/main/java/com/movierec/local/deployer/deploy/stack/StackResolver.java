package com.movierec.local.deployer.deploy.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.movierec.local.deployer.deploy.resources.StackContext;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import com.movierec.local.deployer.deploy.template.Intrinsics;
import com.movierec.local.deployer.deploy.template.ResolutionContext;
import com.movierec.local.deployer.deploy.template.Template;
import com.movierec.local.deployer.deploy.template.TemplateConditions;
import com.movierec.local.deployer.deploy.template.TemplateException;
import com.movierec.local.deployer.deploy.template.TemplateResource;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves a stack's expressions against what is deployed so far: pseudo parameters from the stack's environment,
 * parameter values, the physical ids and attributes of the resources already created, and other stacks' exports.
 */
final class StackResolver implements ResolutionContext {
    private final Template template;
    private final StackContext stack;
    private final Map<String, JsonNode> parameters;
    private final Map<String, ResourceRecord> deployed;
    private final ExportLookup exports;
    private final TemplateConditions conditions;
    private final Intrinsics intrinsics = new Intrinsics(this);

    /** {@code deployed} is read live: resources created after this resolver was made are seen too. */
    StackResolver(Template template, StackContext stack, Map<String, JsonNode> parameters,
                  Map<String, ResourceRecord> deployed, ExportLookup exports) {
        this.template = template;
        this.stack = stack;
        this.parameters = parameters;
        this.deployed = deployed;
        this.exports = exports;
        this.conditions = new TemplateConditions(template.conditions());
    }

    JsonNode resolve(JsonNode expression, String path) {
        return intrinsics.resolve(expression, path);
    }

    /** Whether the resource's Condition (if any) holds. */
    boolean included(TemplateResource resource) {
        return resource.condition().map(this::condition).orElse(true);
    }

    @Override
    public JsonNode ref(String name) {
        switch (name) {
            case "AWS::Region":
                return TextNode.valueOf(stack.region());
            case "AWS::AccountId":
                return TextNode.valueOf(stack.accountId());
            case "AWS::Partition":
                return TextNode.valueOf(StackContext.PARTITION);
            case "AWS::URLSuffix":
                return TextNode.valueOf(StackContext.URL_SUFFIX);
            case "AWS::StackName":
                return TextNode.valueOf(stack.stackName());
            case "AWS::StackId":
                return TextNode.valueOf(stack.stackId());
            case "AWS::NotificationARNs":
                return JsonNodeFactory.instance.arrayNode();
            default:
                break;
        }
        JsonNode parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        return TextNode.valueOf(record(name).physicalId());
    }

    @Override
    public JsonNode getAtt(String logicalId, String attribute) {
        ResourceRecord record = record(logicalId);
        String value = record.attributes().get(attribute);
        if (value == null) {
            throw new TemplateException("Fn::GetAtt: " + logicalId + " (" + record.type() + ") has no attribute "
                    + attribute + " (it has " + new TreeSet<>(record.attributes().keySet()) + ")");
        }
        return TextNode.valueOf(value);
    }

    @Override
    public JsonNode importValue(String exportName) {
        return TextNode.valueOf(exports.value(exportName).orElseThrow(() -> new TemplateException(
                "No export named " + exportName + " found: deploy the stack that exports it first")));
    }

    @Override
    public boolean condition(String name) {
        return conditions.evaluate(name, intrinsics);
    }

    @Override
    public JsonNode mappings() {
        return template.mappings();
    }

    private ResourceRecord record(String logicalId) {
        ResourceRecord record = deployed.get(logicalId);
        if (record == null) {
            throw new TemplateException(template.resources().containsKey(logicalId)
                    ? logicalId + " is referred to before it is created"
                    : "Template format error: Unresolved resource dependencies [" + logicalId
                            + "] in the Resources block of the template");
        }
        return record;
    }
}
