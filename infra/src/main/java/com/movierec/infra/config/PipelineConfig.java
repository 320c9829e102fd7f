package com.movierec.infra.config;

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

    static final Pattern CONNECTION_ARN = Pattern.compile("arn:" + AwsPatterns.PARTITION_REGEX
            + ":(codeconnections|codestar-connections):" + AwsPatterns.REGION_REGEX
            + ":\\d{12}:connection/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    /** What CodePipelineSource.connection accepts: exactly one slash. */
    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}/[A-Za-z0-9_.-]{1,100}");
    /** A git branch name: no empty, dot-led or .lock component, no "..", no leading dash. */
    static final Pattern BRANCH =
            Pattern.compile("(?![-/])(?!.*(//|\\.\\.|/\\.|\\.lock/|\\.lock$|/$|\\.$))(?!\\.)[A-Za-z0-9._/+-]{1,255}");

    public PipelineConfig {
        require("connectionArn", connectionArn, CONNECTION_ARN);
        require("repository", repository, REPOSITORY);
        require("branch", branch, BRANCH);
        account.ifPresent(a -> require("account", a, AwsPatterns.ACCOUNT));
        region.ifPresent(r -> require("region", r, AwsPatterns.REGION));
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

    /** Whether a person approves {@code stage} before the pipeline deploys it. */
    public boolean approvalBefore(String stage) {
        return manualApprovalBefore.contains(stage);
    }

    private static void require(String key, String value, Pattern valid) {
        if (!valid.matcher(value).matches()) {
            throw new IllegalArgumentException("the pipeline's " + key + " \"" + value + "\" is not valid");
        }
    }
}
