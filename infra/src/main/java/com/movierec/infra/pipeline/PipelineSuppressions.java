package com.movierec.infra.pipeline;

import com.movierec.infra.nag.NagFindings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.IConstruct;

/**
 * cdk-nag's findings on the pipeline stack that are decisions, or aws-cdk-lib's own grants, rather than gaps; each
 * on the one resource concerned, naming exactly the findings it covers.
 */
final class PipelineSuppressions {
    private static final String IAM5 = "AwsSolutions-IAM5";

    private final Stack stack;
    private final IBucket artifacts;
    private final boolean artifactKey;

    private PipelineSuppressions(Stack stack, IBucket artifacts) {
        this.stack = stack;
        this.artifacts = artifacts;
        this.artifactKey = artifacts.getEncryptionKey() != null;
    }

    static void apply(PipelineStack stack) {
        CodePipeline cdkPipeline = stack.pipeline();
        Pipeline pipeline = cdkPipeline.getPipeline();
        PipelineSuppressions suppressions = new PipelineSuppressions(stack, pipeline.getArtifactBucket());

        NagFindings.suppress(pipeline.getArtifactBucket(), "AwsSolutions-S1", "The pipeline's artifact bucket holds "
                + "only what the pipeline's own roles pass between its actions (the source, the cloud assembly); "
                + "CodePipeline's execution history and CloudTrail record who started and ran what, so access logs "
                + "would add a second bucket to run without adding a reader.");
        if (!suppressions.artifactKey) {
            for (Project project : suppressions.projects()) {
                NagFindings.suppress(project, "AwsSolutions-CB4", "Every stage is in the pipeline's account, so the "
                        + "artifacts, and this project's output, are encrypted with S3's AWS-managed key "
                        + "(alias/aws/s3); the pipeline gets its own KMS key (crossAccountKeys) when a stage is in "
                        + "another account, which needs a key it can share.");
            }
        }
        suppressions.artifacts(pipeline.getRole(), true);
        suppressions.artifacts(sourceActionRole(pipeline), true);
        suppressions.codeBuild(cdkPipeline.getSynthProject());
        suppressions.artifacts(cdkPipeline.getSynthProject().getRole(), true);

        IProject selfMutation = cdkPipeline.getSelfMutationProject();
        suppressions.codeBuild(selfMutation);
        suppressions.artifacts(selfMutation.getRole(), false);
        suppressions.suppress(selfMutation.getRole(), "The self-mutation (aws-cdk-lib's) may assume only CDK "
                + "bootstrap roles of this account (the condition aws-cdk:bootstrap-role is deploy, file-publishing or "
                + "image-publishing) and reads stacks and buckets (cloudformation:DescribeStacks, s3:ListBucket) to "
                + "find them, as cdk deploy does.", List.of(NagFindings.resource("arn:*:iam::"
                + NagFindings.account(stack) + ":role/*"), NagFindings.resource("*")));

        IRole fileRole = (IRole) cdkPipeline.getNode().findChild("Assets").getNode().findChild("FileRole");
        suppressions.suppress(fileRole, "The asset-publishing role (aws-cdk-lib's) is made before the projects it "
                + "serves, so it names their log groups, report groups and builds by wildcard, in this account and "
                + "region only (/aws/codebuild/*, report-group/*, codebuild:StartBuild/BatchGetBuilds/StopBuild); it "
                + "may assume only the stages' CDK bootstrap file-publishing roles, by name.", List.of(
                NagFindings.resource(suppressions.prefix("logs") + "log-group:/aws/codebuild/*"),
                NagFindings.resource(suppressions.prefix("codebuild") + "report-group/*"),
                NagFindings.resource("*")));
        suppressions.artifacts(fileRole, false);

        for (SmokeTest smokeTest : stack.smokeTests().values()) {
            suppressions.codeBuild(smokeTest.step().getProject());
            suppressions.artifacts(smokeTest.role(), false);
            ApiAccess access = smokeTest.access();
            access.wildcard().ifPresent(wildcard -> suppressions.suppress(smokeTest.role(), access.reason(),
                    List.of(wildcard)));
        }
    }

    /** The pipeline's CodeBuild projects: synth, self-mutation, asset publishing and the smoke tests. */
    private List<Project> projects() {
        List<Project> projects = new ArrayList<>();
        stack.getNode().findAll().forEach(construct -> {
            if (construct instanceof Project project && Stack.of(project) == stack) {
                projects.add(project);
            }
        });
        return projects;
    }

    /** The connection's source action's role, which writes the checked-out source to the artifact bucket. */
    private static IRole sourceActionRole(Pipeline pipeline) {
        IConstruct source = pipeline.getNode().findChild("Source");
        return (IRole) source.getNode().getChildren().get(0).getNode().findChild("CodePipelineActionRole");
    }

    /** A role's grant on the artifact bucket (and its key), reading only or reading and writing. */
    private void artifacts(IRole role, boolean write) {
        List<String> findings = new ArrayList<>(List.of(NagFindings.action("s3:GetBucket*"),
                NagFindings.action("s3:GetObject*"), NagFindings.action("s3:List*"),
                NagFindings.resource(NagFindings.arnOf(artifacts) + "/*")));
        if (write) {
            findings.addAll(List.of(NagFindings.action("s3:Abort*"), NagFindings.action("s3:DeleteObject*")));
        }
        // The file-publishing role only decrypts (no wildcard).
        boolean encrypts = artifactKey && !role.getNode().getId().equals("FileRole");
        if (encrypts) {
            findings.addAll(List.of(NagFindings.action("kms:GenerateDataKey*"), NagFindings.action("kms:ReEncrypt*")));
        }
        suppress(role, "aws-cdk-lib's grant on the pipeline's own artifact bucket: S3's "
                + (write ? "read and write" : "read") + " action groups on that one bucket's objects"
                + (encrypts ? ", and KMS's data-key action groups on its one key" : "")
                + ", to pass artifacts between the pipeline's actions.", findings);
    }

    /** A CodeBuild project's role may write the log streams and reports CodeBuild names after each build. */
    private void codeBuild(IProject project) {
        String name = "<" + stack.getLogicalId((CfnElement) project.getNode().getDefaultChild()) + ">";
        suppress(project.getRole(), "CodeBuild names a build's log stream and its reports after the build: this one "
                + "project's log group (/aws/codebuild/<project>:*) and report groups (<project>-*) only.", List.of(
                NagFindings.resource(prefix("logs") + "log-group:/aws/codebuild/" + name + ":*"),
                NagFindings.resource(prefix("codebuild") + "report-group/" + name + "-*")));
    }

    /** {@code arn:<AWS::Partition>:<service>:<region>:<account>:} as cdk-nag prints it. */
    private String prefix(String service) {
        return "arn:<AWS::Partition>:" + service + ":" + NagFindings.region(stack) + ":"
                + NagFindings.account(stack) + ":";
    }

    private void suppress(IRole role, String reason, List<String> findings) {
        NagFindings.suppress(NagFindings.defaultPolicy(role), IAM5, reason, findings);
    }
}
