package com.movierec.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.e2e.support.ScriptRun;
import com.movierec.local.deployer.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/compare-templates, run as a process on small cloud assemblies written here in the shape cdk synth gives them (a
 * manifest.json, and per stack a template and an asset manifest): what a rebuilt Lambda jar changes (its asset hash,
 * the code hash ending its version's logical id) passes, any other difference fails with a unified diff naming the
 * template (a nested stage assembly's by its relative path), a data asset's hash and a template only on one side
 * included; JSON in strings compares as text unless --sort-json-strings, and a directory that is no assembly is refused
 * with exit code 2.
 */
class CompareTemplatesScriptTest {
    private static final Path SCRIPT = RepositoryRoot.find().resolve("bin/compare-templates");
    private static final String API = "devApiFFD67DB2";
    private static final String BATCH = "devBatch3ED3BD35";
    private static final String PERSONALIZE = "devPersonalize3ECB65AA";
    private static final String PIPELINE = "movierec-pipeline";
    private static final String JAR = "f477f386ac5709585bab3536bd77a359a234026fb3f67b26e9c2c73ea5f3b2ff";
    private static final String REBUILT_JAR = "e5a8d2b81b46ca83dac9cd54a76dc2500f848c098a1fc8ba9910be610ccf7e06";
    private static final String CODE = "e78d8e71c2fdc28383200924e33a00ee";
    private static final String REBUILT_CODE = "f1caa01dc43307a54bf70eff3d5ba803";
    private static final String DATA = "8f578e64ab7a272815897f19048823cec5411a54a09379d3f51ce6d5084e91b2";
    private static final String OTHER_DATA = "97e9ebf0b174a5c8f7faa505739022b7f509edddffcab9211dcd08b759944c4f";
    private static final String SUMMARY = " (Lambda jar hashes masked)";
    private static final String SORTED_SUMMARY = " (Lambda jar hashes masked; JSON in strings key-sorted)";
    private static final Pattern REF = Pattern.compile("<Ref (\\w+)>");

    private static final String PIPELINE_TEMPLATE = """
            {
             "Resources": {
              "PipelineArtifactsBucketAEA9A052": {
               "Type": "AWS::S3::Bucket",
               "Properties": {"VersioningConfiguration": {"Status": "Enabled"}},
               "UpdateReplacePolicy": "Retain",
               "DeletionPolicy": "Retain"
              }
             }
            }
            """;
    /** A state machine definition with its keys in the order one synth wrote them. */
    private static final String DEFINITION = """
            {"StartAt": "Train",
             "States": {"Train": {"Type": "Task",
                                  "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
                                  "Parameters": {"TrainingJobName.$": "$.jobName",
                                                 "RoleArn": "arn:aws:iam::123456789012:role/train"},
                                  "End": true}}}
            """;
    /** {@link #DEFINITION} as another synth wrote it: the same keys and values in another order. */
    private static final String DEFINITION_REORDERED = """
            {"States": {"Train": {"End": true,
                                  "Parameters": {"RoleArn": "arn:aws:iam::123456789012:role/train",
                                                 "TrainingJobName.$": "$.jobName"},
                                  "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync",
                                  "Type": "Task"}},
             "StartAt": "Train"}
            """;
    /** A definition holding references, which CDK writes as an Fn::Join of JSON fragments around each of them. */
    private static final String DEFINITION_WITH_REFS = """
            {"StartAt": "CheckJob",
             "States": {"CheckJob": {"Type": "Task",
                                     "Resource": "<Ref LifecycleWatcherFunction5B50A40C>",
                                     "Parameters": {"JobArn.$": "$.jobArn",
                                                    "Bucket": "<Ref DataBucketE3889A50>"},
                                     "End": true}},
             "TimeoutSeconds": 21600}
            """;
    /** {@link #DEFINITION_WITH_REFS} with its keys in another order, so that the fragments are cut elsewhere. */
    private static final String DEFINITION_WITH_REFS_REORDERED = """
            {"TimeoutSeconds": 21600,
             "States": {"CheckJob": {"Parameters": {"Bucket": "<Ref DataBucketE3889A50>",
                                                    "JobArn.$": "$.jobArn"},
                                     "End": true,
                                     "Resource": "<Ref LifecycleWatcherFunction5B50A40C>",
                                     "Type": "Task"}},
             "StartAt": "CheckJob"}
            """;

    @TempDir
    Path tmp;

    @Test
    void identicalAssembliesExitWithZeroAndCountTheTemplatesCompared() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        Path after = assembly("after");
        writeApiStack(after, JAR, CODE, DATA, 1024);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("1 templates compared, 0 differ" + SUMMARY + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aRebuiltLambdaJarsAssetHashAndTheCodeHashEndingItsVersionsLogicalIdAreMasked() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        Path after = assembly("after");
        writeApiStack(after, REBUILT_JAR, REBUILT_CODE, DATA, 1024);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("1 templates compared, 0 differ" + SUMMARY + "\n");
    }

    @Test
    void aDataAssetWhoseHashChangedFailsWithTheDiffOfItsKey() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        Path after = assembly("after");
        writeApiStack(after, REBUILT_JAR, REBUILT_CODE, OTHER_DATA, 1024);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout().lines().toList())
                .contains("--- before/" + API + ".template.json", "+++ after/" + API + ".template.json")
                .anySatisfy(line -> assertThat(line).startsWith("-").contains("\"S3Key\": \"" + DATA + ".zip\""))
                .anySatisfy(line -> assertThat(line).startsWith("+").contains("\"S3Key\": \"" + OTHER_DATA + ".zip\""))
                .anySatisfy(line -> assertThat(line).startsWith("-").contains("../asset." + DATA + "\""))
                .anySatisfy(line -> assertThat(line).startsWith("+").contains("../asset." + OTHER_DATA + "\""))
                .noneSatisfy(line -> assertThat(line).contains(JAR))
                .noneSatisfy(line -> assertThat(line).contains(REBUILT_JAR))
                .endsWith("1 templates compared, 1 differ" + SUMMARY);
    }

    @Test
    void aChangedPropertyValueFailsWithAUnifiedDiffNamingTheTemplate() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        Path after = assembly("after");
        writeApiStack(after, REBUILT_JAR, REBUILT_CODE, DATA, 2048);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("--- before/" + API + ".template.json");
        assertThat(lines.get(1)).isEqualTo("+++ after/" + API + ".template.json");
        assertThat(lines.get(2)).startsWith("@@ -");
        assertThat(lines.subList(3, lines.size() - 1))
                .filteredOn(line -> line.startsWith("-") || line.startsWith("+"))
                .containsExactly("-    \"MemorySize\": 1024", "+    \"MemorySize\": 2048");
        assertThat(lines).last().isEqualTo("1 templates compared, 1 differ" + SUMMARY);
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aStageAssemblyNestedInThePipelineAssemblyIsComparedUnderItsRelativePathWithItsOwnAssets() throws IOException {
        Path before = assembly("before");
        writeStack(before, PIPELINE, PIPELINE_TEMPLATE, assets(templateAsset(PIPELINE)));
        writeApiStack(Files.createDirectories(before.resolve("assembly-dev")), JAR, CODE, DATA, 1024);
        Path after = assembly("after");
        writeStack(after, PIPELINE, PIPELINE_TEMPLATE, assets(templateAsset(PIPELINE)));
        writeApiStack(Files.createDirectories(after.resolve("assembly-dev")), REBUILT_JAR, REBUILT_CODE, DATA, 2048);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).startsWith("--- before/assembly-dev/" + API + ".template.json",
                "+++ after/assembly-dev/" + API + ".template.json");
        assertThat(lines.subList(2, lines.size() - 1))
                .filteredOn(line -> line.startsWith("-") || line.startsWith("+"))
                .containsExactly("-    \"MemorySize\": 1024", "+    \"MemorySize\": 2048");
        assertThat(lines).last().isEqualTo("2 templates compared, 1 differ" + SUMMARY);
    }

    @Test
    void aTemplateOnlyInOneAssemblyFailsNamingItAndTheAssemblyItIsIn() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        writeStack(before, BATCH, stateMachineTemplate(definitionString(DEFINITION)), assets());
        Path after = assembly("after");
        writeApiStack(after, JAR, CODE, DATA, 1024);
        writeStack(after, PERSONALIZE, stateMachineTemplate(definitionString(DEFINITION)), assets());

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout().lines()).containsExactly(
                "only in " + before + ": " + BATCH + ".template.json",
                "only in " + after + ": " + PERSONALIZE + ".template.json",
                "1 templates compared, 2 differ" + SUMMARY);
    }

    @Test
    void stateMachineDefinitionsWithTheirKeysInAnotherOrderDifferWithoutSortJsonStrings() throws IOException {
        Path before = assembly("before");
        Path after = assembly("after");
        writeDefinitionStacks(before, DEFINITION, DEFINITION_WITH_REFS);
        writeDefinitionStacks(after, DEFINITION_REORDERED, DEFINITION_WITH_REFS_REORDERED);

        ScriptRun result = compare(before, after);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout().lines().toList())
                .contains("--- before/" + BATCH + ".template.json", "--- before/" + PERSONALIZE + ".template.json")
                .endsWith("2 templates compared, 2 differ" + SUMMARY);
    }

    @Test
    void sortJsonStringsComparesDefinitionStringsAndFnJoinsOfJsonFragmentsWithTheirKeysSorted() throws IOException {
        Path before = assembly("before");
        Path after = assembly("after");
        writeDefinitionStacks(before, DEFINITION, DEFINITION_WITH_REFS);
        writeDefinitionStacks(after, DEFINITION_REORDERED, DEFINITION_WITH_REFS_REORDERED);

        ScriptRun result = compare(before, after, "--sort-json-strings");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("2 templates compared, 0 differ" + SORTED_SUMMARY + "\n");
    }

    @Test
    void sortJsonStringsStillFailsOnAChangedValueOrReferenceInAnFnJoinDefinition() throws IOException {
        Path before = assembly("before");
        Path after = assembly("after");
        writeDefinitionStacks(before, DEFINITION, DEFINITION_WITH_REFS);
        writeDefinitionStacks(after, DEFINITION_REORDERED.replace("$.jobName", "$.name"),
                DEFINITION_WITH_REFS_REORDERED.replace("<Ref DataBucketE3889A50>", "<Ref OtherBucket5A1C3B7E>"));

        ScriptRun result = compare(before, after, "--sort-json-strings");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout().lines().toList())
                .contains("--- before/" + BATCH + ".template.json", "--- before/" + PERSONALIZE + ".template.json")
                .anySatisfy(line -> assertThat(line).startsWith("-").contains("$.jobName"))
                .anySatisfy(line -> assertThat(line).startsWith("+").contains("$.name"))
                .anySatisfy(line -> assertThat(line).startsWith("-").contains("\"Ref\": \"DataBucketE3889A50\""))
                .anySatisfy(line -> assertThat(line).startsWith("+").contains("\"Ref\": \"OtherBucket5A1C3B7E\""))
                .endsWith("2 templates compared, 2 differ" + SORTED_SUMMARY);
    }

    @Test
    void aDirectoryThatIsNotACloudAssemblyExitsWithTwoAndSaysSoOnStderr() throws IOException {
        Path before = assembly("before");
        writeApiStack(before, JAR, CODE, DATA, 1024);
        Path notAnAssembly = Files.createDirectories(tmp.resolve("cdk.out"));
        Files.writeString(notAnAssembly.resolve(API + ".template.json"), apiTemplate(JAR, CODE, DATA, 1024));

        ScriptRun result = compare(before, notAnAssembly);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("error: " + notAnAssembly + " is not a cloud assembly (no "
                + "manifest.json): give the --output directory of a cdk synth.\n");
    }

    /** A new cloud assembly directory with its manifest.json and no stack yet. */
    private Path assembly(String name) throws IOException {
        Path directory = Files.createDirectories(tmp.resolve(name));
        Files.writeString(directory.resolve("manifest.json"), "{}");
        return directory;
    }

    private static void writeStack(Path assembly, String stack, String template, String assets) throws IOException {
        Files.writeString(assembly.resolve(stack + ".template.json"), template);
        Files.writeString(assembly.resolve(stack + ".assets.json"), assets);
    }

    /** The API stack: a function from a jar with its version, and a layer from a directory of data. */
    private static void writeApiStack(Path assembly, String jar, String code, String data, int memorySize)
            throws IOException {
        writeStack(assembly, API, apiTemplate(jar, code, data, memorySize),
                assets(jarAsset(jar), directoryAsset(data), templateAsset(API)));
    }

    /** A stack whose definition is one JSON string, and one whose definition is an Fn::Join of JSON fragments. */
    private static void writeDefinitionStacks(Path assembly, String definition, String definitionWithRefs)
            throws IOException {
        writeStack(assembly, BATCH, stateMachineTemplate(definitionString(definition)), assets(templateAsset(BATCH)));
        writeStack(assembly, PERSONALIZE, stateMachineTemplate(fnJoinOfFragments(definitionWithRefs)),
                assets(templateAsset(PERSONALIZE)));
    }

    private static String apiTemplate(String jar, String code, String data, int memorySize) {
        return """
                {
                 "Resources": {
                  "DataLayer64CA53D1": {
                   "Type": "AWS::Lambda::LayerVersion",
                   "Properties": {
                    "CompatibleRuntimes": ["java21"],
                    "Content": {
                     "S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-eu-west-1"},
                     "S3Key": "<data>.zip"
                    }
                   },
                   "Metadata": {
                    "aws:cdk:path": "dev/Api/DataLayer/Layer/Resource",
                    "aws:asset:path": "../asset.<data>",
                    "aws:asset:is-bundled": false,
                    "aws:asset:property": "Content"
                   }
                  },
                  "HandlerFunction0D87A48C": {
                   "Type": "AWS::Lambda::Function",
                   "Properties": {
                    "Code": {
                     "S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-eu-west-1"},
                     "S3Key": "<jar>.jar"
                    },
                    "Description": "movierec recommendations API",
                    "Handler": "com.movierec.api.Handler::handleRequest",
                    "Layers": [{"Ref": "DataLayer64CA53D1"}],
                    "MemorySize": <memory>
                   },
                   "Metadata": {
                    "aws:cdk:path": "dev/Api/Handler/Function/Resource",
                    "aws:asset:path": "../asset.<jar>.jar",
                    "aws:asset:is-bundled": false,
                    "aws:asset:property": "Code"
                   }
                  },
                  "HandlerFunctionCurrentVersion7B9820B6<code>": {
                   "Type": "AWS::Lambda::Version",
                   "Properties": {"FunctionName": {"Ref": "HandlerFunction0D87A48C"}},
                   "Metadata": {"aws:cdk:path": "dev/Api/Handler/Function/CurrentVersion/Resource"}
                  },
                  "HandlerAliasLive3F2C6A1B": {
                   "Type": "AWS::Lambda::Alias",
                   "Properties": {
                    "FunctionName": {"Ref": "HandlerFunction0D87A48C"},
                    "FunctionVersion": {"Fn::GetAtt": ["HandlerFunctionCurrentVersion7B9820B6<code>", "Version"]},
                    "Name": "live"
                   }
                  }
                 }
                }
                """.replace("<jar>", jar).replace("<code>", code).replace("<data>", data)
                .replace("<memory>", Integer.toString(memorySize));
    }

    private static String stateMachineTemplate(String definitionString) {
        return """
                {
                 "Resources": {
                  "TrainStateMachine5B9A2C1D": {
                   "Type": "AWS::StepFunctions::StateMachine",
                   "Properties": {
                    "DefinitionString": <definition>,
                    "RoleArn": {"Fn::GetAtt": ["TrainStateMachineRole8C1D5E2F", "Arn"]}
                   }
                  }
                 }
                }
                """.replace("<definition>", definitionString);
    }

    /** {@code definition} compacted to one line and written as a JSON string, as CDK writes a DefinitionString. */
    private static String definitionString(String definition) {
        return jsonString(compact(definition));
    }

    /**
     * {@code definition} as CDK writes one holding references: {"Fn::Join": ["", [...]]} of its JSON fragments, each
     * {@code <Ref Name>} in it becoming a {"Ref": "Name"} between two of them.
     */
    private static String fnJoinOfFragments(String definition) {
        String text = compact(definition);
        List<String> parts = new ArrayList<>();
        Matcher ref = REF.matcher(text);
        int end = 0;
        while (ref.find()) {
            parts.add(jsonString(text.substring(end, ref.start())));
            parts.add("{\"Ref\": \"" + ref.group(1) + "\"}");
            end = ref.end();
        }
        parts.add(jsonString(text.substring(end)));
        return "{\"Fn::Join\": [\"\", [" + String.join(", ", parts) + "]]}";
    }

    /** The JSON text without its line breaks and indentation, and a space only inside a value, as CDK writes it. */
    private static String compact(String json) {
        return json.lines().map(String::strip).collect(Collectors.joining()).replace("\": ", "\":")
                .replace(", \"", ",\"");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String assets(String... files) {
        return """
                {
                 "version": "54.0.0",
                 "files": {
                %s
                 },
                 "dockerImages": {}
                }
                """.formatted(String.join(",\n", files));
    }

    private static String jarAsset(String hash) {
        return fileAsset(hash, "Handler/Function/Code", "../asset." + hash + ".jar", "file", hash + ".jar");
    }

    private static String directoryAsset(String hash) {
        return fileAsset(hash, "DataLayer/Layer/Code", "../asset." + hash, "zip", hash + ".zip");
    }

    /** A stack's own template, which the pipeline's assets list; its hash here only has to be 64 hex. */
    private static String templateAsset(String stack) {
        String hash = "%08x".formatted(stack.hashCode()).repeat(8);
        return fileAsset(hash, "movierec-dev " + stack + " Template", stack + ".template.json", "file",
                hash + ".json");
    }

    private static String fileAsset(String hash, String displayName, String path, String packaging,
            String objectKey) {
        return """
                  "%s": {
                   "displayName": "%s",
                   "source": {"path": "%s", "packaging": "%s"},
                   "destinations": {
                    "current_account-eu-west-1-c26bb577": {
                     "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-eu-west-1",
                     "objectKey": "%s",
                     "region": "eu-west-1",
                     "assumeRoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-eu-west-1"
                    }
                   }
                  }""".formatted(hash, displayName, path, packaging, objectKey);
    }

    /** Runs bin/compare-templates as a process on two assemblies, with {@code options} after them. */
    private static ScriptRun compare(Path before, Path after, String... options) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), before.toString(), after.toString()));
        command.addAll(List.of(options));
        return ScriptRun.of(new ProcessBuilder(command), Duration.ofSeconds(60));
    }
}
