package com.movierec.local.personalize.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.server.LocalPersonalize;
import com.movierec.local.personalize.server.MovieData;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.PersonalizeSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An engine driven through its Java API, with MovieData imported into one dataset group and a campaign per recipe
 * asked for: the starting point of the engine-level rule tests.
 */
final class DeployedEngine implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::000000000000:role/personalize-local";

    final PersonalizeEngine engine;
    final String group;
    final String interactions;
    final String items;
    /** Campaign ARN by recipe name. */
    final Map<String, String> campaigns = new HashMap<>();

    private DeployedEngine(PersonalizeEngine engine, String group, String interactions, String items) {
        this.engine = engine;
        this.group = group;
        this.interactions = interactions;
        this.items = items;
    }

    static DeployedEngine deploy(Path s3, String... recipes) throws IOException {
        Files.createDirectories(s3.resolve("data"));
        Files.writeString(s3.resolve("data/interactions.csv"), MovieData.interactionsCsv(MovieData.USERS));
        Files.writeString(s3.resolve("data/items.csv"), MovieData.itemsCsv());
        PersonalizeEngine engine = new PersonalizeEngine(EngineSettings.defaults(s3).withDelays(Delays.NONE));
        String group = active(engine.datasetGroups().create("group", null, null, null));
        String interactions = active(engine.datasets().create("interactions", group, "Interactions",
                engine.schemas().create("interactions", PersonalizeSchemas.load(DatasetType.INTERACTIONS).json(), null).arn()));
        String items = active(engine.datasets().create("items", group, "Items",
                engine.schemas().create("items", PersonalizeSchemas.load(DatasetType.ITEMS).json(), null).arn()));
        active(engine.importJobs().create("interactions", interactions, "s3://data/interactions.csv", ROLE, null, false));
        active(engine.importJobs().create("items", items, "s3://data/items.csv", ROLE, null, false));
        DeployedEngine deployed = new DeployedEngine(engine, group, interactions, items);
        for (String recipe : recipes) {
            String solution = active(engine.solutions().create(new Solutions.CreateRequest(recipe, group,
                    "arn:aws:personalize:::recipe/" + recipe, null, null, false, null, null, null)));
            String version = active(engine.solutionVersions().create(solution, null, null));
            deployed.campaigns.put(recipe, active(engine.campaigns().create(recipe, version, null, null)));
        }
        return deployed;
    }

    /** Waits until {@code resource} is ACTIVE; answers its ARN. */
    static String active(Resource resource) {
        String status = LocalPersonalize.settled(resource::status, resource.arn());
        assertThat(status).as(resource.arn() + ": " + resource.progress().failureReason()).isEqualTo(Status.ACTIVE);
        return resource.arn();
    }

    @Override
    public void close() {
        engine.close();
    }
}
