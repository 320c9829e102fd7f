package com.movierec.local.personalize.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerResponse;

/**
 * Creates resources through the real SDK client and waits until each is ACTIVE, as the lifecycle Lambdas would:
 * the steps every end-to-end test needs before the part it is about.
 */
public final class Provisioner {
    private final PersonalizeClient personalize;

    public Provisioner(LocalPersonalize local) {
        this(local.personalize);
    }

    public Provisioner(PersonalizeClient personalize) {
        this.personalize = personalize;
    }

    /** The project's schema for {@code type}, the text the stacks deploy. */
    public String schema(String name, DatasetType type) {
        return personalize.createSchema(r -> r.name(name).schema(PersonalizeSchemas.load(type).json())).schemaArn();
    }

    public String datasetGroup(String name) {
        String arn = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        active(() -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup().status(), arn);
        return arn;
    }

    public String dataset(String name, String groupArn, DatasetType type, String schemaArn) {
        String arn = personalize.createDataset(r -> r.name(name).datasetGroupArn(groupArn)
                .datasetType(type.personalizeName()).schemaArn(schemaArn)).datasetArn();
        active(() -> personalize.describeDataset(r -> r.datasetArn(arn)).dataset().status(), arn);
        return arn;
    }

    /** Starts an import and answers its final status (ACTIVE or CREATE FAILED). */
    public String importData(String jobName, String datasetArn, String dataLocation, String mode) {
        String arn = personalize.createDatasetImportJob(r -> r.jobName(jobName).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(dataLocation)).roleArn(role()).importMode(mode))
                .datasetImportJobArn();
        return LocalPersonalize.settled(() -> personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(arn))
                .datasetImportJob().status(), arn);
    }

    public String solution(String name, String groupArn, String recipe) {
        String arn = personalize.createSolution(r -> r.name(name).datasetGroupArn(groupArn)
                .recipeArn("arn:aws:personalize:::recipe/" + recipe).performAutoTraining(false)).solutionArn();
        active(() -> personalize.describeSolution(r -> r.solutionArn(arn)).solution().status(), arn);
        return arn;
    }

    /** Trains a version and waits for ACTIVE. */
    public String trainedVersion(String solutionArn) {
        String arn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        active(() -> personalize.describeSolutionVersion(r -> r.solutionVersionArn(arn)).solutionVersion().status(),
                arn);
        return arn;
    }

    public String campaign(String name, String versionArn) {
        String arn = personalize.createCampaign(r -> r.name(name).solutionVersionArn(versionArn).minProvisionedTPS(1))
                .campaignArn();
        active(() -> personalize.describeCampaign(r -> r.campaignArn(arn)).campaign().status(), arn);
        return arn;
    }

    public CreateEventTrackerResponse eventTracker(String name, String groupArn) {
        CreateEventTrackerResponse tracker = personalize.createEventTracker(r -> r.name(name).datasetGroupArn(groupArn));
        active(() -> personalize.describeEventTracker(r -> r.eventTrackerArn(tracker.eventTrackerArn()))
                .eventTracker().status(), tracker.eventTrackerArn());
        return tracker;
    }

    public String filter(String name, String groupArn, String expression) {
        String arn = personalize.createFilter(r -> r.name(name).datasetGroupArn(groupArn).filterExpression(expression))
                .filterArn();
        active(() -> personalize.describeFilter(r -> r.filterArn(arn)).filter().status(), arn);
        return arn;
    }

    public static String role() {
        return "arn:aws:iam::000000000000:role/personalize-local";
    }

    private static void active(Supplier<String> status, String arn) {
        assertThat(LocalPersonalize.settled(status, arn)).as(arn).isEqualTo("ACTIVE");
    }
}
