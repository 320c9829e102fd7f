package com.movierec.infra.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lint-templates, the cfn-lint gate bin/test runs over every template, run as bin/test runs it (a process, the
 * pinned cfn-lint) on tiny cloud assemblies written here: it passes a clean template, fails a broken one naming the
 * template, resource and rule, accepts only what an exceptions line explains, and fails on a line that explains
 * nothing, so the exceptions file cannot rot.
 */
class TemplateLintGateTest {
    private static final Path ROOT = repositoryRoot();
    private static final String QUEUE = """
            {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 345600}}}}
            """;
    /** A misspelt property: CloudFormation rejects it, and so does cfn-lint (E3002). */
    private static final String BROKEN_QUEUE = """
            {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"RetentionPeriod": 345600}}}}
            """;
    /** Tags on a dashboard: in cfn-lint 1.51.0's eu-west-1 schema, not in its us-east-1 one. */
    private static final String TAGGED_DASHBOARD = """
            {"Resources": {"Board": {"Type": "AWS::CloudWatch::Dashboard", "Properties": {
              "DashboardBody": "{\\"widgets\\":[]}", "Tags": [{"Key": "Project", "Value": "fixture"}]}}}}
            """;
    private static final String QUEUE_EXCEPTION = "E3002 | AWS::SQS::Queue | Properties/RetentionPeriod "
            + "| 'RetentionPeriod' was unexpected | fixture: the test accepts it on purpose\n";

    @TempDir
    Path tmp;

    @Test
    void aCleanTemplatePassesAndTheSummaryCountsIt() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", QUEUE);

        Result result = lint(assembly, exceptions(""));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 templates checked (eu-west-1: 1), 0 errors and 0 warnings "
                + "unexplained, 0 findings accepted by 0 exceptions, 0 stale exceptions");
    }

    @Test
    void aBrokenTemplateInAStageFailsNamingTheTemplateTheResourceAndTheRule() {
        Path assembly = tmp.resolve("cdk.out");
        assembly(assembly.resolve("assembly-dev"), "eu-west-1", BROKEN_QUEUE);
        write(assembly.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"assembly-dev": {"type": "cdk:cloud-assembly",
                  "properties": {"directoryName": "assembly-dev", "displayName": "dev"}}}}
                """);

        Result result = lint(assembly, exceptions(""));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("error: E3002 in dev/Queues ("
                + realPath(assembly.resolve("assembly-dev/Queues.template.json")) + "), resource Queue (AWS::SQS::Queue) at Properties/RetentionPeriod, line 1: Additional properties are "
                + "not allowed ('RetentionPeriod' was unexpected");
        assertThat(result.output()).contains("1 errors and 0 warnings unexplained");
        assertThat(result.output()).contains("error: 1 cfn-lint findings are neither fixed nor explained in ");
    }

    @Test
    void aFindingAnExceptionLineExplainsIsAcceptedAndCounted() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", BROKEN_QUEUE);

        Result result = lint(assembly, exceptions(QUEUE_EXCEPTION));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("accepted   1 x E3002 | AWS::SQS::Queue | Properties/RetentionPeriod");
        assertThat(result.output()).contains("0 errors and 0 warnings unexplained, 1 findings accepted by 1 "
                + "exceptions, 0 stale exceptions");
    }

    @Test
    void anExceptionForAnotherResourceTypeOrPathAcceptsNothing() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", BROKEN_QUEUE);

        Result result = lint(assembly, exceptions(
                "E3002 | AWS::SNS::Topic | Properties/RetentionPeriod | was unexpected | other type\n"
                        + "E3002 | AWS::SQS::Queue | Properties/Tags | was unexpected | other path\n"));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("error: E3002 in fixture/Queues");
        assertThat(result.output()).contains("2 stale exceptions");
    }

    @Test
    void anExceptionLineThatExplainsNothingIsReportedStaleAndFails() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", QUEUE);
        Path file = exceptions("# the header\n\n" + QUEUE_EXCEPTION);

        Result result = lint(assembly, file);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("error: " + file + " line 3 (E3002 | AWS::SQS::Queue | "
                + "Properties/RetentionPeriod) matches no finding any more: delete it.");
        assertThat(result.output()).contains("1 stale exceptions");
    }

    @Test
    void eachTemplateIsLintedForTheRegionItsStackDeploysTo() {
        Result euWest1 = lint(assembly(tmp.resolve("eu"), "eu-west-1", TAGGED_DASHBOARD), exceptions(""));
        Result agnostic = lint(assembly(tmp.resolve("any"), "unknown-region", TAGGED_DASHBOARD), exceptions(""));

        assertThat(euWest1.exitCode()).as(euWest1.output()).isZero();
        assertThat(agnostic.exitCode()).as(agnostic.output()).isEqualTo(1);
        assertThat(agnostic.output()).contains("resource Board (AWS::CloudWatch::Dashboard) at Properties/Tags")
                .contains("(us-east-1: 1)");
    }

    @Test
    void aMalformedExceptionLineStopsTheGateWithOneSentence() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", QUEUE);
        Path file = exceptions("E3002 | AWS::SQS::Queue | Properties/RetentionPeriod | was unexpected\n");

        Result result = lint(assembly, file);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines().filter(line -> line.startsWith("error: ")).toList()).containsExactly(
                "error: " + file + " line 1 is not 'RULE | WHERE | PATH | MESSAGE | WHY' with every field filled in "
                        + "(fields are separated by ' | '): fix or delete it.");
        assertThat(result.output()).doesNotContain("Traceback");
    }

    @Test
    void aTemplateNoManifestNamesFailsTheGateInsteadOfGoingUnchecked() {
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", QUEUE);
        write(assembly.resolve("Nested.template.json"), BROKEN_QUEUE);

        Result result = lint(assembly, exceptions(""));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("Nested.template.json is not the template of any stack in the "
                + "assembly's manifests");
    }

    @Test
    void withoutCfnLintOnPathTheGateSaysHowToInstallIt() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // Only what the script needs before its check: no cfn-lint, whatever this machine has.
        for (String tool : List.of("dirname", "sed")) {
            Files.copy(Path.of(which(tool)), bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path assembly = assembly(tmp.resolve("cdk.out"), "eu-west-1", QUEUE);

        Result result = run(List.of(which("bash"), ROOT.resolve("bin/lint-templates").toString(),
                "--cdk-out", assembly.toString(), "--exceptions", exceptions("").toString()), bin.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("error: cfn-lint " + pinnedCfnLint() + ", the CloudFormation linter, is not on PATH: "
                + "install it with 'python3 -m pip install --requirement infra/cfn-lint-requirements.txt'");
    }

    /** A cloud assembly with one stack, fixture/Queues, deployed to {@code region}, whose template is {@code json}. */
    private static Path assembly(Path dir, String region, String json) {
        write(dir.resolve("Queues.template.json"), json);
        write(dir.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"Queues": {"type": "aws:cloudformation:stack",
                  "environment": "aws://unknown-account/%s", "displayName": "%s/Queues",
                  "properties": {"templateFile": "Queues.template.json"}}}}
                """.formatted(region, dir.getFileName().toString().equals("assembly-dev") ? "dev" : "fixture"));
        return dir;
    }

    private Path exceptions(String lines) {
        Path file = tmp.resolve("exceptions-" + System.nanoTime() + ".txt");
        write(file, lines);
        return file;
    }

    private static Result lint(Path assembly, Path exceptions) {
        return run(List.of(ROOT.resolve("bin/lint-templates").toString(), "--cdk-out", assembly.toString(),
                "--exceptions", exceptions.toString()), System.getenv("PATH"));
    }

    private static Result run(List<String> command, String path) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            builder.environment().put("PATH", path);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bin/lint-templates did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(tool + " is not on PATH");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version infra/cfn-lint-requirements.txt pins. */
    private static String pinnedCfnLint() throws IOException {
        return Files.readAllLines(ROOT.resolve("infra/cfn-lint-requirements.txt")).stream()
                .filter(line -> line.startsWith("cfn-lint=="))
                .map(line -> line.substring("cfn-lint==".length()).trim())
                .findFirst().orElseThrow();
    }

    private static String realPath(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("movierec.repoRoot");
        for (Path dir = Path.of(configured != null ? configured : "").toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cdk.json"))) {
                return dir;
            }
        }
        throw new AssertionError("no cdk.json above " + Path.of("").toAbsolutePath());
    }

    private record Result(int exitCode, String output) {
    }
}
