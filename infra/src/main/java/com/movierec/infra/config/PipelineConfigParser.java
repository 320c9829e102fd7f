package com.movierec.infra.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the top-level {@code pipeline} into a {@link PipelineConfig}, one sentence per invalid value. */
final class PipelineConfigParser {
    static final Set<String> KEYS = Set.of("connectionArn", "repository", "branch", "account", "region", "stages",
            "manualApprovalBefore");

    private PipelineConfigParser() {
    }

    /**
     * The pipeline, empty when the key is absent or null or when a value is wrong (the problem is recorded).
     * {@code environments} are the names under {@code environments}, valid or not, so that a stage naming an
     * environment with a mistake of its own is not reported twice.
     */
    static Optional<PipelineConfig> parse(ConfigNode root, List<String> environments, List<String> problems) {
        int before = problems.size();
        Optional<ConfigNode> node = root.object("pipeline", "make it an object such as {\"connectionArn\": "
                + "\"arn:aws:codeconnections:eu-west-1:123456789012:connection/<id>\", \"repository\": "
                + "\"owner/name\"}, or leave it out to deploy without a pipeline");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        ConfigNode pipeline = node.get();
        pipeline.rejectUnknownKeys(KEYS);
        Optional<String> connectionArn = required(pipeline, "connectionArn", PipelineConfig.CONNECTION_ARN, "set the "
                + "ARN of the CodeConnections connection to the repository's host, "
                + "arn:aws:codeconnections:<region>:<12-digit account>:connection/<id> (or the older "
                + "arn:aws:codestar-connections:... form)");
        Optional<String> repository = required(pipeline, "repository", PipelineConfig.REPOSITORY, "set the "
                + "repository the pipeline builds as \"owner/name\", e.g. \"example-org/movierec\"");
        String branch = pipeline.text("branch", PipelineConfig.BRANCH, "set the name of the branch whose pushes "
                + "start the pipeline, e.g. \"main\"").orElse(PipelineConfig.DEFAULT_BRANCH);
        Optional<String> account = pipeline.text("account", AwsPatterns.ACCOUNT, "set the 12-digit AWS account id "
                + "the pipeline runs in as a string, or leave it out to use the account of your credentials");
        Optional<String> region = pipeline.text("region", AwsPatterns.REGION, "set an AWS region code such as "
                + "\"eu-west-1\", or leave it out to use CDK_DEFAULT_REGION");
        Optional<List<String>> listed = names(pipeline, "stages", environments, "list the environments the "
                + "pipeline deploys, in order, e.g. [\"dev\", \"staging\", \"prod\"]", "set the name of an environment "
                + "under " + root.path("environments"));
        if (listed.isPresent() && listed.get().isEmpty()) {
            pipeline.problem(pipeline.path("stages") + " is empty: list at least one environment to deploy, e.g. "
                    + "[\"dev\", \"staging\", \"prod\"].");
        }
        List<String> stages = listed.orElse(environments);
        List<String> approvals = names(pipeline, "manualApprovalBefore", stages, "list the stages a person "
                + "approves before the pipeline deploys them, e.g. [\"prod\"], or [] for none", "set one of the "
                + "stages").orElse(stages.size() > 1 ? List.of(stages.get(stages.size() - 1)) : List.of());
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new PipelineConfig(connectionArn.orElseThrow(), repository.orElseThrow(), branch, account,
                region, stages, approvals));
    }

    private static Optional<String> required(ConfigNode node, String key, Pattern valid, String fix) {
        if (node.isNull(key) || !node.has(key)) {
            node.problem(node.path(key) + " is missing: " + fix + ".");
            return Optional.empty();
        }
        return node.text(key, valid, fix);
    }

    /**
     * A list of distinct names, each one of {@code choices}; empty when the key is absent or null, and also (with the
     * problems recorded) when the list or one of its names is wrong.
     */
    private static Optional<List<String>> names(ConfigNode node, String key, List<String> choices, String listFix,
                                                String nameFix) {
        Optional<List<?>> values = node.list(key, listFix);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        List<?> list = values.get();
        for (int i = 0; i < list.size(); i++) {
            Object name = list.get(i);
            String path = node.path(key) + "[" + i + "] is " + ConfigNode.show(name) + ": ";
            if (!(name instanceof String s && choices.contains(s))) {
                node.problem(path + nameFix + " (" + String.join(", ", choices) + ").");
            } else if (!seen.add(name)) {
                node.problem(path + "it is listed twice; remove one.");
            } else {
                names.add(s);
            }
        }
        return names.size() == list.size() ? Optional.of(names) : Optional.empty();
    }
}
