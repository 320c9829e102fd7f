package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.schemas.DatasetType;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;

/** Import jobs read local S3, check the CSV as Personalize does and fail with a failureReason that says why. */
class ImportJobTest {
    @TempDir
    Path s3;

    private LocalPersonalize local;
    private Provisioner provisioner;
    private String interactions;

    @BeforeEach
    void start() {
        local = LocalPersonalize.start(s3, Delays.NONE);
        provisioner = new Provisioner(local);
        String group = provisioner.datasetGroup("group");
        interactions = provisioner.dataset("interactions", group, DatasetType.INTERACTIONS,
                provisioner.schema("interactions", DatasetType.INTERACTIONS));
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aMissingObjectFailsTheJobNamingTheLocation() {
        DatasetImportJob job = importAndDescribe("missing", "s3://data/nowhere/interactions.csv", "FULL");
        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.failureReason()).startsWith("Input file not found").contains("s3://data/nowhere/interactions.csv");
    }

    @Test
    void aCsvThatDoesNotMatchTheSchemaFailsWithTheFirstProblem() {
        String wrongHeader = local.upload("data", "wrong-header.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1\n");
        DatasetImportJob header = importAndDescribe("wrong-header", wrongHeader, "FULL");
        assertThat(header.status()).isEqualTo("CREATE FAILED");
        assertThat(header.failureReason()).contains("does not match the dataset's schema")
                .contains("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE");

        String badValue = local.upload("data", "bad-value.csv", MovieData.interactionsCsv(MovieData.USERS)
                .replaceFirst("\nu00,(\\w+),\\d+,", "\nu00,$1,yesterday,"));
        DatasetImportJob value = importAndDescribe("bad-value", badValue, "FULL");
        assertThat(value.failureReason()).contains("line 2").contains("TIMESTAMP 'yesterday' is not a valid long");
    }

    @Test
    void tooFewInteractionsOrActiveUsersFailOnPersonalizesMinimums() {
        String fewRows = local.upload("data", "few.csv", MovieData.interactionsCsv(20));
        assertThat(importAndDescribe("few-rows", fewRows, "FULL").failureReason())
                .contains("at least 1000 interactions").contains("it has 500");

        StringBuilder manyRowsFewUsers = new StringBuilder("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n");
        for (int i = 0; i < 1200; i++) {
            manyRowsFewUsers.append("u").append(i % 24).append(",i").append(i % 50).append(',').append(i)
                    .append(",Watch,\n");
        }
        String fewUsers = local.upload("data", "few-users.csv", manyRowsFewUsers.toString());
        assertThat(importAndDescribe("few-users", fewUsers, "FULL").failureReason())
                .contains("at least 25 unique users with at least 2 interactions").contains("has 24");
    }

    @Test
    void anIncrementalImportAddsToTheDataAndCountsTowardsTheMinimums() {
        String half = local.upload("data", "first-half.csv", MovieData.interactionsCsv(30));
        String all = MovieData.interactionsCsv(MovieData.USERS);
        String rest = local.upload("data", "second-half.csv", all.substring(0, all.indexOf('\n') + 1)
                + all.lines().skip(1 + 30 * MovieData.EVENTS_PER_USER).reduce("", (a, l) -> a + l + "\n"));

        assertThat(provisioner.importData("full", interactions, half, "FULL")).isEqualTo("CREATE FAILED");
        assertThat(provisioner.importData("full-again", interactions, local.upload("data", "all.csv", all), "FULL"))
                .isEqualTo("ACTIVE");
        assertThat(provisioner.importData("more", interactions, rest, "INCREMENTAL")).isEqualTo("ACTIVE");

        assertThat(local.server.engine().datasets().describe(interactions).data().rows())
                .isEqualTo(MovieData.USERS * MovieData.EVENTS_PER_USER + 30L * MovieData.EVENTS_PER_USER);
        assertThat(provisioner.importData("replace", interactions, local.upload("data", "all.csv", all), "FULL"))
                .isEqualTo("ACTIVE");
        assertThat(local.server.engine().datasets().describe(interactions).data().rows())
                .as("FULL replaces").isEqualTo((long) MovieData.USERS * MovieData.EVENTS_PER_USER);
    }

    @Test
    void anInjectedImportFailureFailsTheNextJobOnly() {
        String data = local.upload("data", "interactions.csv", MovieData.interactionsCsv(MovieData.USERS));
        local.server.engine().faults().failNextImport("S3 said no (injected)");

        assertThat(importAndDescribe("faulty", data, "FULL").failureReason()).isEqualTo("S3 said no (injected)");
        assertThat(provisioner.importData("fine", interactions, data, "FULL")).isEqualTo("ACTIVE");
        assertThat(local.personalize.listDatasetImportJobs(r -> r.datasetArn(interactions)).datasetImportJobs())
                .extracting(j -> j.jobName() + "=" + j.status())
                .containsExactly("fine=ACTIVE", "faulty=CREATE FAILED");
    }

    private DatasetImportJob importAndDescribe(String jobName, String location, String mode) {
        provisioner.importData(jobName, interactions, location, mode);
        return local.personalize.listDatasetImportJobs(r -> r.datasetArn(interactions)).datasetImportJobs().stream()
                .filter(j -> j.jobName().equals(jobName)).findFirst()
                .map(j -> local.personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(j.datasetImportJobArn()))
                        .datasetImportJob())
                .orElseThrow();
    }
}
