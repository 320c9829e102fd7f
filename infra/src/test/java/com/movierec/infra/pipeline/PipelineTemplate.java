package com.movierec.infra.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.infra.TemplateJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** Reads the pipeline stack's template: the CodePipeline's stages and actions, and the buildspecs of its projects. */
final class PipelineTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateJson template;
    private final JsonNode pipeline;

    PipelineTemplate(TemplateJson template) {
        this.template = template;
        List<JsonNode> pipelines = List.copyOf(template.resources("AWS::CodePipeline::Pipeline").values());
        assertThat(pipelines).hasSize(1);
        this.pipeline = pipelines.get(0).path("Properties");
    }

    JsonNode properties() {
        return pipeline;
    }

    List<String> stageNames() {
        return StreamSupport.stream(pipeline.path("Stages").spliterator(), false)
                .map(stage -> stage.path("Name").asText()).toList();
    }

    /** A stage's actions in run order. */
    List<JsonNode> actions(String stage) {
        JsonNode found = StreamSupport.stream(pipeline.path("Stages").spliterator(), false)
                .filter(s -> s.path("Name").asText().equals(stage)).findFirst().orElseThrow(
                        () -> new AssertionError("no pipeline stage " + stage + " in " + stageNames()));
        List<JsonNode> actions = new ArrayList<>();
        found.path("Actions").forEach(actions::add);
        actions.sort(Comparator.comparingInt(action -> action.path("RunOrder").asInt()));
        return actions;
    }

    JsonNode action(String stage, String name) {
        return actions(stage).stream().filter(action -> action.path("Name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no action " + name + " in " + stage));
    }

    static String category(JsonNode action) {
        return action.path("ActionTypeId").path("Category").asText();
    }

    /** The CodeBuild project an action runs, by logical id. */
    static String project(JsonNode action) {
        return action.path("Configuration").path("ProjectName").path("Ref").asText();
    }

    JsonNode projectProperties(String logicalId) {
        return template.resource(logicalId).path("Properties");
    }

    /** The buildspec of the project an action runs. */
    JsonNode buildSpec(JsonNode action) {
        try {
            return JSON.readTree(projectProperties(project(action)).path("Source").path("BuildSpec").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> commands(JsonNode buildSpec, String phase) {
        List<String> commands = new ArrayList<>();
        buildSpec.path("phases").path(phase).path("commands").forEach(command -> commands.add(command.asText()));
        return commands;
    }

    /** The environment variables a CodeBuild action sets, as {@code NAME=value}. */
    static List<String> environmentVariables(JsonNode action) {
        try {
            List<String> variables = new ArrayList<>();
            JSON.readTree(action.path("Configuration").path("EnvironmentVariables").asText()).forEach(variable ->
                    variables.add(variable.path("name").asText() + "=" + variable.path("value").asText()));
            return variables;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of the policy attached to a role, by the role's logical id. */
    List<JsonNode> policyStatements(String roleLogicalId) {
        List<JsonNode> statements = new ArrayList<>();
        template.resources("AWS::IAM::Policy").values().forEach(policy -> {
            if (TemplateJson.texts(policy.path("Properties").path("Roles")).contains("${" + roleLogicalId + "}")) {
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            }
        });
        return statements;
    }

    /** Every unsuppressed AwsSolutions error and warning, and any other warning, of a stack. */
    // Annotations still reports cxapi's SynthesisMessage, deprecated in favour of a type it does not return yet.
    @SuppressWarnings("deprecation")
    static List<String> nagFindingsAndWarnings(Stack stack) {
        List<SynthesisMessage> messages = new ArrayList<>(Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        messages.addAll(Annotations.fromStack(stack).findWarning("*", Match.anyValue()));
        return messages.stream().map(m -> m.getId() + " " + m.getEntry().getData()).toList();
    }
}
