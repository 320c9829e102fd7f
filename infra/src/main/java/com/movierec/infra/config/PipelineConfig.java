package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigCheck.at;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CDK Pipelines pipeline that promotes the app through the environments: its source, where it runs, and its
 * stages.
 *
 * @param connectionArn        the CodeConnections (or older CodeStar Connections) connection to the repository's host
 * @param repository           the repository the pipeline builds, {@code owner/name}
 * @param branch               the branch whose pushes start the pipeline
 * @param account              the account the pipeline runs in; empty means the account of the credentials
 * @param region               the region the pipeline runs in; empty means CDK_DEFAULT_REGION (a connection serves
 *                             every region)
 * @param stages               the environments the pipeline deploys, in order; at least one, each once
 * @param manualApprovalBefore the stages a person approves before they deploy, in stage order
 */
public record PipelineConfig(String connectionArn, String repository, String branch, Optional<String> account,
                             Optional<String> region, List<String> stages, List<String> manualApprovalBefore) {
    public static final String DEFAULT_BRANCH = "main";
    /** The {@code @JacksonInject} id of the names under {@code movierec.environments}, valid or not. */
    static final String ENVIRONMENTS = "environments";

    static final Pattern CONNECTION_ARN = Pattern.compile("arn:" + AwsPatterns.PARTITION_REGEX
            + ":(codeconnections|codestar-connections):" + AwsPatterns.REGION_REGEX
            + ":\\d{12}:connection/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    /** What CodePipelineSource.connection accepts: exactly one slash. */
    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}/[A-Za-z0-9_.-]{1,100}");
    /** A git branch name: no empty, dot-led or .lock component, no "..", no leading dash. */
    static final Pattern BRANCH =
            Pattern.compile("(?![-/])(?!.*(//|\\.\\.|/\\.|\\.lock/|\\.lock$|/$|\\.$))(?!\\.)[A-Za-z0-9._/+-]{1,255}");

    public PipelineConfig {
        ConfigCheck check = new ConfigCheck(PipelineConfig.class)
                .require(connectionArn != null && CONNECTION_ARN.matcher(connectionArn).matches(), "connectionArn",
                        connectionArn)
                .require(repository != null && REPOSITORY.matcher(repository).matches(), "repository", repository)
                .require(BRANCH.matcher(branch).matches(), "branch", branch);
        account.ifPresent(a -> check.require(AwsPatterns.ACCOUNT.matcher(a).matches(), "account", a));
        region.ifPresent(r -> check.require(AwsPatterns.REGION.matcher(r).matches(), "region", r));
        check.done();
        if (stages.isEmpty() || new HashSet<>(stages).size() != stages.size()) {
            throw new IllegalArgumentException("stages " + stages + ": list at least one environment, each once");
        }
        if (!stages.containsAll(manualApprovalBefore)
                || new HashSet<>(manualApprovalBefore).size() != manualApprovalBefore.size()) {
            throw new IllegalArgumentException("manualApprovalBefore " + manualApprovalBefore + ": list stages of "
                    + stages + ", each once");
        }
        stages = List.copyOf(stages);
        manualApprovalBefore = stages.stream().filter(manualApprovalBefore::contains).toList();
    }

    /**
     * The {@code pipeline} object of cdk.json. Its stages name environments, which only the whole configuration
     * knows, so they are checked here: by default every environment, and an approval before the last of two or more.
     */
    @JsonCreator
    static PipelineConfig fromConfig(
            @JacksonInject(ENVIRONMENTS) List<String> environments,
            @JsonProperty(value = "connectionArn", required = true)
            @Fix("set the ARN of the CodeConnections connection to the repository's host, "
                    + "arn:aws:codeconnections:<region>:<12-digit account>:connection/<id> (or the older "
                    + "arn:aws:codestar-connections:... form)")
            String connectionArn,
            @JsonProperty(value = "repository", required = true)
            @Fix("set the repository the pipeline builds as \"owner/name\", e.g. \"example-org/movierec\"")
            String repository,
            @JsonProperty(value = "branch", defaultValue = DEFAULT_BRANCH)
            @Fix("set the name of the branch whose pushes start the pipeline, e.g. \"main\"")
            String branch,
            @JsonProperty("account")
            @Fix("set the 12-digit AWS account id the pipeline runs in as a string, or leave it out to use the "
                    + "account of your credentials")
            Optional<String> account,
            @JsonProperty("region")
            @Fix("set an AWS region code such as \"eu-west-1\", or leave it out to use CDK_DEFAULT_REGION")
            Optional<String> region,
            @JsonProperty("stages")
            @Fix("list the environments the pipeline deploys, in order, e.g. [\"dev\", \"staging\", \"prod\"]")
            Optional<List<String>> stages,
            @JsonProperty("manualApprovalBefore")
            @Fix("list the stages a person approves before the pipeline deploys them, e.g. [\"prod\"], or [] for "
                    + "none")
            Optional<List<String>> manualApprovalBefore) {
        ConfigCheck check = new ConfigCheck(PipelineConfig.class);
        List<String> deployed = names(check, "stages", stages.orElse(environments), environments,
                "set the name of an environment under movierec.environments");
        if (stages.isPresent() && stages.get().isEmpty()) {
            check.add(at("stages"), "is empty: list at least one environment to deploy, e.g. [\"dev\", \"staging\", "
                    + "\"prod\"]");
        }
        List<String> lastStage = deployed.size() > 1 ? List.of(deployed.get(deployed.size() - 1)) : List.of();
        List<String> approved = names(check, "manualApprovalBefore", manualApprovalBefore.orElse(lastStage), deployed,
                "set one of the stages");
        return check.build(() -> new PipelineConfig(connectionArn, repository, branch, account, region, deployed,
                approved));
    }

    /** The names that are choices, each once; every other is a problem, worded with the choices. */
    private static List<String> names(ConfigCheck check, String key, List<String> names, List<String> choices,
                                      String fix) {
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !choices.contains(name)) {
                check.require(false, at(key, i), name, fix + " (" + String.join(", ", choices) + ")");
            } else {
                check.require(!valid.contains(name), at(key, i), name, "it is listed twice; remove one");
                if (!valid.contains(name)) {
                    valid.add(name);
                }
            }
        }
        return valid;
    }

    /** Whether a person approves {@code stage} before the pipeline deploys it. */
    public boolean approvalBefore(String stage) {
        return manualApprovalBefore.contains(stage);
    }
}
