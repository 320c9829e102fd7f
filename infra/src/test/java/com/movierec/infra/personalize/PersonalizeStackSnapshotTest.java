package com.movierec.infra.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.movierec.infra.Fixtures;
import com.movierec.infra.SynthesizedStages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * A refactoring net: the dev Personalize template must stay as recorded. Asset hashes are normalised, so a new build
 * of a Lambda jar does not count as a change. After an intended change, regenerate with
 * {@code -Dsnapshot.update=true}, review the diff and commit it.
 */
class PersonalizeStackSnapshotTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String SNAPSHOT = "infra/src/test/resources/snapshots/dev-personalize.template.json";
    private static final String UPDATE = "mvn -pl infra -am install -Dtest=PersonalizeStackSnapshotTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsnapshot.update=true";

    @TempDir
    static Path tmp;
    private static String actual;

    @BeforeAll
    static void synthesize() throws IOException {
        SynthesizedStages stages = SynthesizedStages.of(tmp, "dev");
        actual = normalise(JSON.writeValueAsString(
                Template.fromStack(stages.stage("dev").personalizeStack()).toJSON())) + "\n";
    }

    @Test
    void theDevPersonalizeTemplateMatchesItsSnapshot() throws IOException {
        Path snapshot = Fixtures.repositoryRoot().resolve(SNAPSHOT);
        if (Boolean.getBoolean("snapshot.update")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, actual);
        }
        assertThat(snapshot).as("%s is missing: create it with %s, review it and commit it", SNAPSHOT, UPDATE)
                .exists();
        Path written = Fixtures.repositoryRoot().resolve("infra/target/snapshots/dev-personalize.template.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual);

        JsonNode expected = JSON.readTree(snapshot.toFile());
        assertThat(JSON.readTree(actual))
                .as("the dev Personalize template changed (this synth is in %s): if that is intended, run %s and "
                        + "review the diff", written, UPDATE)
                .isEqualTo(expected);
    }

    @Test
    void theSnapshotHoldsNoAssetHashOrTemporaryPath() {
        assertThat(actual).doesNotContainPattern("[0-9a-f]{64}").doesNotContain(tmp.toString());
    }

    /** Asset hashes change with every build of a Lambda jar; they are not what this net is for. */
    private static String normalise(String template) {
        return template.replaceAll("[0-9a-f]{64}", "<asset-hash>");
    }
}
