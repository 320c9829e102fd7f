package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/** With delays, a poller sees every state Personalize goes through; faults and stops end trainings as it would. */
class StatusProgressionTest {
    private static final Delays STEP = Delays.uniform(Duration.ofMillis(300));
    private static final String GONE = "(gone)";

    @TempDir
    Path s3;

    private LocalPersonalize local;
    private PersonalizeClient personalize;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        personalize = local.personalize;
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aDatasetGroupShowsEveryCreateAndDeleteState() {
        local.server.engine().delays(STEP);
        String arn = personalize.createDatasetGroup(r -> r.name("slow")).datasetGroupArn();
        Supplier<String> status = () -> {
            try {
                return personalize.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status();
            } catch (ResourceNotFoundException e) {
                return GONE;
            }
        };
        assertThat(observe(status, "ACTIVE")).containsExactly("CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE");

        personalize.deleteDatasetGroup(r -> r.datasetGroupArn(arn));
        assertThatThrownBy(() -> personalize.deleteDatasetGroup(r -> r.datasetGroupArn(arn)))
                .as("a second delete while it goes").isInstanceOf(ResourceInUseException.class);
        assertThat(observe(status, GONE)).containsExactly("DELETE PENDING", "DELETE IN_PROGRESS", GONE);
    }

    @Test
    void anInjectedTrainingFailureAndAStopEndTrainingsAsPersonalizeWould() {
        Provisioner p = new Provisioner(local);
        String group = p.datasetGroup("group");
        String dataset = p.dataset("interactions", group, DatasetType.INTERACTIONS,
                p.schema("interactions", DatasetType.INTERACTIONS));
        p.importData("interactions", dataset, local.upload("data", "i.csv", MovieData.interactionsCsv(60)), "FULL");
        String solution = p.solution("solution", group, "aws-user-personalization-v2");
        local.server.engine().delays(STEP);

        local.server.engine().faults().failNextTraining("out of GPUs (injected)");
        String failed = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThat(observe(version(failed), "CREATE FAILED"))
                .containsExactly("CREATE PENDING", "CREATE IN_PROGRESS", "CREATE FAILED");
        assertThat(describe(failed).failureReason()).isEqualTo("out of GPUs (injected)");

        String stopped = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThatThrownBy(() -> personalize.deleteSolution(r -> r.solutionArn(solution)))
                .as("a solution whose version trains").isInstanceOf(ResourceInUseException.class);
        assertThatThrownBy(() -> personalize.createSolutionVersion(r -> r.solutionArn(solution)))
                .as("one training at a time").isInstanceOf(ResourceInUseException.class);
        personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(stopped));
        assertThat(observe(version(stopped), "CREATE STOPPED")).containsExactly("CREATE STOPPING", "CREATE STOPPED");
        assertThatThrownBy(() -> personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(stopped)))
                .isInstanceOf(ResourceInUseException.class);

        String trained = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThat(observe(version(trained), "ACTIVE")).containsExactly("CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE");
        assertThat(personalize.describeSolution(r -> r.solutionArn(solution)).solution().latestSolutionVersion()
                .solutionVersionArn()).isEqualTo(trained);
        assertThat(personalize.listSolutionVersions(r -> r.solutionArn(solution)).solutionVersions())
                .extracting(v -> v.status().toString())
                .containsExactly("ACTIVE", "CREATE STOPPED", "CREATE FAILED");
    }

    private Supplier<String> version(String arn) {
        return () -> describe(arn).status();
    }

    private SolutionVersion describe(String arn) {
        return personalize.describeSolutionVersion(r -> r.solutionVersionArn(arn)).solutionVersion();
    }

    /** The distinct statuses seen, in order, until {@code last}. */
    private static List<String> observe(Supplier<String> status, String last) {
        List<String> seen = new ArrayList<>();
        LocalPersonalize.await(() -> {
            String now = status.get();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
            return now;
        }, last::equals, "status " + last);
        return seen;
    }
}
