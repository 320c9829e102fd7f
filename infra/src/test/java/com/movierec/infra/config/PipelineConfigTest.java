package com.movierec.infra.config;

import static com.movierec.infra.config.ConfigTesting.json;
import static com.movierec.infra.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineConfigTest {
    private static final String CONNECTION =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
    private static final String PIPELINE = "movierec.pipeline.";
    private static final String CONNECTION_FIX = ": set the ARN of the CodeConnections connection to the repository's "
            + "host, arn:aws:codeconnections:<region>:<12-digit account>:connection/<id> (or the older "
            + "arn:aws:codestar-connections:... form).";
    private static final String REPOSITORY_FIX = ": set the repository the pipeline builds as \"owner/name\", e.g. "
            + "\"example-org/movierec\".";
    private static final String STAGE_FIX = ": set the name of an environment under movierec.environments (dev, "
            + "staging, prod).";

    @Test
    void readsEverySetting() {
        PipelineConfig pipeline = pipeline(Map.of("connectionArn", CONNECTION, "repository", "example-org/movierec",
                "branch", "release/2025.1", "account", "210987654321", "region", "us-east-1",
                "stages", List.of("staging", "prod"), "manualApprovalBefore", List.of("staging", "prod")));

        assertThat(pipeline).isEqualTo(new PipelineConfig(CONNECTION, "example-org/movierec", "release/2025.1",
                Optional.of("210987654321"), Optional.of("us-east-1"), List.of("staging", "prod"),
                List.of("staging", "prod")));
        assertThat(pipeline.approvalBefore("staging")).isTrue();
    }

    @Test
    void defaultsToMainEveryEnvironmentInOrderAndAnApprovalBeforeTheLast() {
        PipelineConfig pipeline = pipeline(Map.of("connectionArn", CONNECTION, "repository", "octo/movies"));

        assertThat(pipeline.branch()).isEqualTo("main");
        assertThat(pipeline.account()).isEmpty();
        assertThat(pipeline.region()).isEmpty();
        assertThat(pipeline.stages()).containsExactly("dev", "staging", "prod");
        assertThat(pipeline.manualApprovalBefore()).containsExactly("prod");
        assertThat(pipeline.approvalBefore("prod")).isTrue();
        assertThat(pipeline.approvalBefore("staging")).isFalse();
    }

    @Test
    void oneStageNeedsNoApprovalUnlessAsked() {
        assertThat(pipeline(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of("dev"))).manualApprovalBefore()).isEmpty();
        assertThat(pipeline(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of("dev", "prod"), "manualApprovalBefore", List.of())).manualApprovalBefore()).isEmpty();
    }

    @Test
    void keepsApprovalsInStageOrder() {
        assertThat(pipeline(Map.of("connectionArn", CONNECTION, "repository", "octo/movies",
                "manualApprovalBefore", List.of("prod", "staging"))).manualApprovalBefore())
                .containsExactly("staging", "prod");
    }

    @Test
    void noPipelineWhenTheKeyIsAbsentOrNull() {
        assertThat(MovieRecConfigParser.parse(Map.of("environments", environments())).pipeline()).isEmpty();
        assertThat(MovieRecConfigParser.parse(json("environments", environments(), "pipeline", null)).pipeline())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:codestar-connections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:codeconnections:eu-west-1:111111111111:connection/00000000-0000-0000-0000-000000000000",
            "arn:aws-us-gov:codeconnections:us-gov-west-1:123456789012:connection/"
                    + "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"})
    void acceptsCodeConnectionsAndCodeStarConnectionsArns(String arn) {
        assertThat(pipeline(Map.of("connectionArn", arn, "repository", "octo/movies")).connectionArn()).isEqualTo(arn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:codeconnections:eu-west-1:123456789012:host/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:codecommit:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:codeconnections:eu-west-1:1234:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/my-connection",
            "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", ""})
    void failsIfTheConnectionArnIsNotAConnection(String arn) {
        assertThat(pipelineProblems(Map.of("connectionArn", arn, "repository", "octo/movies"))).containsExactly(
                PIPELINE + "connectionArn is \"" + arn + "\"" + CONNECTION_FIX);
    }

    @Test
    void failsIfTheConnectionOrTheRepositoryIsMissing() {
        assertThat(pipelineProblems(json("connectionArn", null))).containsExactly(
                PIPELINE + "connectionArn is missing" + CONNECTION_FIX,
                PIPELINE + "repository is missing" + REPOSITORY_FIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"movierec", "example-org/movierec/infra", "/movierec", "example-org/",
            "https://github.com/example-org/movierec", "example org/movierec"})
    void failsIfTheRepositoryIsNotOwnerSlashName(String repository) {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", repository))).containsExactly(
                PIPELINE + "repository is \"" + repository + "\"" + REPOSITORY_FIX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-main", "feature..x", "feature/", "/main", "a//b", "main.lock", "has space",
            "what?", ".hidden", "x/.hidden"})
    void failsIfTheBranchIsNotABranchName(String branch) {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "branch",
                branch))).containsExactly(PIPELINE + "branch is \"" + branch + "\": set the name of the branch whose "
                + "pushes start the pipeline, e.g. \"main\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "release/2025.1", "feature/JIRA-12_x", "v1.0"})
    void acceptsBranchNames(String branch) {
        assertThat(pipeline(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "branch", branch))
                .branch()).isEqualTo(branch);
    }

    @Test
    void failsIfTheAccountOrRegionIsMalformed() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "account",
                123456789012L, "region", "EU-WEST-1"))).containsExactly(
                PIPELINE + "account is 123456789012: set the 12-digit AWS account id the pipeline runs in as a "
                        + "string, or leave it out to use the account of your credentials.",
                PIPELINE + "region is \"EU-WEST-1\": set an AWS region code such as \"eu-west-1\", or leave it out to "
                        + "use CDK_DEFAULT_REGION.");
    }

    @Test
    void failsIfAStageIsNotAnEnvironment() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of("dev", "qa", 3)))).containsExactly(
                PIPELINE + "stages[1] is \"qa\"" + STAGE_FIX,
                PIPELINE + "stages[2] is 3" + STAGE_FIX);
    }

    @Test
    void failsIfAStageIsListedTwice() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of("dev", "prod", "dev")))).containsExactly(
                PIPELINE + "stages[2] is \"dev\": it is listed twice; remove one.");
    }

    @Test
    void failsIfThereIsNoStage() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of()))).containsExactly(PIPELINE + "stages is empty: list at least one environment to deploy, "
                + "e.g. [\"dev\", \"staging\", \"prod\"].");
    }

    @Test
    void failsIfStagesIsNotAList() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                "dev,prod"))).containsExactly(PIPELINE + "stages is \"dev,prod\": list the environments the pipeline "
                + "deploys, in order, e.g. [\"dev\", \"staging\", \"prod\"].");
    }

    @Test
    void failsIfAnApprovalIsNotBeforeAStage() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "stages",
                List.of("dev", "staging"), "manualApprovalBefore", List.of("prod", "staging", "staging"))))
                .containsExactly(
                        PIPELINE + "manualApprovalBefore[0] is \"prod\": set one of the stages (dev, staging).",
                        PIPELINE + "manualApprovalBefore[2] is \"staging\": it is listed twice; remove one.");
    }

    @Test
    void failsIfManualApprovalBeforeIsNotAList() {
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies",
                "manualApprovalBefore", "prod"))).containsExactly(PIPELINE + "manualApprovalBefore is \"prod\": list "
                + "the stages a person approves before the pipeline deploys them, e.g. [\"prod\"], or [] for none.");
    }

    @Test
    void failsIfThePipelineIsNotAnObjectOrAKeyIsMisspelt() {
        assertThat(problems(Map.of("environments", environments(), "pipeline", List.of()))).containsExactly(
                "movierec.pipeline is a list: make it an object such as {\"connectionArn\": "
                        + "\"arn:aws:codeconnections:eu-west-1:123456789012:connection/<id>\", \"repository\": "
                        + "\"owner/name\"}, or leave it out to deploy without a pipeline.");
        assertThat(pipelineProblems(Map.of("connectionArn", CONNECTION, "repository", "octo/movies", "approvals",
                List.of("prod")))).containsExactly(PIPELINE + "approvals is not a known key: use one of account, "
                + "branch, connectionArn, manualApprovalBefore, region, repository, stages (see infra/README.md).");
    }

    @Test
    void aStageNamingAnEnvironmentWithItsOwnMistakeIsNotReportedTwice() {
        Map<String, Object> environments = environments();
        environments.put("prod", Map.of("region", "mars"));

        assertThat(problems(Map.of("environments", environments, "pipeline", Map.of("connectionArn", CONNECTION,
                "repository", "octo/movies", "stages", List.of("dev", "prod"))))).containsExactly(
                "movierec.environments.prod.region is \"mars\": set an AWS region code such as \"eu-west-1\".");
    }

    @Test
    void theConfigurationChecksItsOwnValues() {
        assertThatThrownBy(() -> new PipelineConfig(CONNECTION, "octo/movies", "main", Optional.empty(),
                Optional.empty(), List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PipelineConfig(CONNECTION, "octo/movies", "main", Optional.empty(),
                Optional.empty(), List.of("dev", "dev"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PipelineConfig(CONNECTION, "octo/movies", "main", Optional.empty(),
                Optional.empty(), List.of("dev"), List.of("prod"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PipelineConfig("arn:aws:s3:::bucket", "octo/movies", "main", Optional.empty(),
                Optional.empty(), List.of("dev"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PipelineConfig(CONNECTION, "movies", "main", Optional.empty(),
                Optional.empty(), List.of("dev"), List.of())).isInstanceOf(IllegalArgumentException.class);
        PipelineConfig qa = new PipelineConfig(CONNECTION, "octo/movies", "main", Optional.empty(), Optional.empty(),
                List.of("qa"), List.of());
        assertThatThrownBy(() -> new MovieRecConfig(ConfigTesting.parse(Map.of()).environments(), Optional.of(qa)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qa");
    }

    private static Map<String, Object> environments() {
        Map<String, Object> environments = new LinkedHashMap<>();
        environments.put("dev", Map.of());
        environments.put("staging", Map.of());
        environments.put("prod", Map.of());
        return environments;
    }

    private static PipelineConfig pipeline(Map<String, Object> pipeline) {
        return MovieRecConfigParser.parse(Map.of("environments", environments(), "pipeline", pipeline)).pipeline()
                .orElseThrow();
    }

    private static List<String> pipelineProblems(Map<String, Object> pipeline) {
        return problems(Map.of("environments", environments(), "pipeline", pipeline));
    }
}
