package com.movierec.infra.personalize;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.Recipe;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.config.TrainingSettings;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.data.PreparedData;
import com.movierec.infra.personalize.provider.JobWatch;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.infra.personalize.provider.LifecycleProviderProps;
import com.movierec.infra.personalize.resources.Campaign;
import com.movierec.infra.personalize.resources.Dataset;
import com.movierec.infra.personalize.resources.DatasetGroup;
import com.movierec.infra.personalize.resources.DatasetImport;
import com.movierec.infra.personalize.resources.EventTracker;
import com.movierec.infra.personalize.resources.Filter;
import com.movierec.infra.personalize.resources.PersonalizeSchemaResource;
import com.movierec.infra.personalize.resources.Solution;
import com.movierec.infra.personalize.resources.TrainedSolutionVersion;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import com.movierec.schemas.PersonalizeSchema;
import com.movierec.schemas.PersonalizeSchemas;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * The Personalize half of an environment, from schemas to ACTIVE campaigns. CloudFormation deletes in the reverse
 * of the dependencies declared here, which is the order Personalize requires: campaigns, filters, event tracker,
 * solutions, import jobs, datasets, dataset group, schemas.
 */
public final class PersonalizeStack extends Stack {
    private final PersonalizeNames names;
    private final LifecycleProvider lifecycle;
    private final IRole serviceRole;
    private final ServingResources serving;

    public PersonalizeStack(Construct scope, String id, PersonalizeStackProps props) {
        super(scope, id, StackProps.builder()
                .stackName(props.stackName())
                .description("movierec " + props.config().name() + ": Personalize dataset group, solutions, "
                        + "campaigns, filters and event tracker")
                .build());
        EnvironmentConfig config = props.config();
        TrainingSettings training = config.training();
        names = new PersonalizeNames(config.name());
        PersonalizeArns arns = PersonalizeArns.of(this, names);
        DataStore store = props.dataStore();

        serviceRole = new PersonalizeServiceRole(this, "ServiceRole", names, arns, store).role();
        // MovieRecStage's Tags.of reaches CloudFormation resources only; the Personalize ones get them here.
        lifecycle = new LifecycleProvider(this, "Lifecycle", new LifecycleProviderProps(props.lifecycleJar(), arns,
                serviceRole, training.timeout(), training.pollSeconds(), config.costAllocationTags()));
        JobWatch watch = lifecycle.watch();

        DatasetGroup group = new DatasetGroup(this, "DatasetGroup",
                new DatasetGroup.Props(lifecycle, names.name("dataset-group"), store.key(), serviceRole));
        List<IDependable> imported = importData(group, props.preparedData(), store, watch);

        List<Solution> solutions = new ArrayList<>();
        List<TrainedSolutionVersion> versions = new ArrayList<>();
        List<String> campaignNames = new ArrayList<>();
        Map<RecipeSlot, String> campaignArns = new EnumMap<>(RecipeSlot.class);
        for (Recipe recipe : config.recipes().enabled()) {
            RecipeSlot slot = recipe.slot();
            Solution solution = solution(group, recipe, arns, training);
            solution.dependOn(imported.toArray(IDependable[]::new));
            solutions.add(solution);
            // A new solution means a new campaign: UpdateCampaign only moves between versions.
            String campaignName = names.name(slot.nameSegment(), solution.name());
            campaignNames.add(campaignName);
            campaignArns.put(slot, arns.resource("campaign", campaignName));
            // The campaign ARN is built from the name: the campaign depends on the metrics, so a Ref would be a cycle.
            versions.add(new TrainedSolutionVersion(this, slot.constructId() + "Version",
                    new TrainedSolutionVersion.Props(lifecycle, solution, props.preparedData().dataVersion(), "FULL",
                            watch, config.qualityGate().gate(slot), campaignArns.get(slot))));
        }

        EventTracker tracker = new EventTracker(this, "EventTracker",
                new EventTracker.Props(lifecycle, names.name("event-tracker"), group));
        tracker.dependOn(solutions.toArray(IDependable[]::new));
        output("EventTrackerTrackingId", "PutEvents' trackingId for live interactions", tracker.trackingId());

        Filter unwatched = filter(group, tracker, "Unwatched", "unwatched",
                FilterExpressions.unwatched(config.eventType()));
        Filter genre = filter(group, tracker, "Genre", "genre", FilterExpressions.genre());
        Filter unwatchedInGenre = filter(group, tracker, "UnwatchedInGenre", "unwatched-in-genre",
                FilterExpressions.unwatchedInGenre(config.eventType()));
        List<Filter> filters = List.of(unwatched, genre, unwatchedInGenre);

        for (int i = 0; i < solutions.size(); i++) {
            RecipeSlot slot = config.recipes().enabled().get(i).slot();
            String name = campaignNames.get(i);
            // With auto-training the campaign follows the solution's newest ACTIVE version by itself.
            Optional<Solution> syncWith = config.training().autoTraining() ? Optional.of(solutions.get(i))
                    : Optional.empty();
            Campaign campaign = new Campaign(this, slot.constructId() + "Campaign", new Campaign.Props(lifecycle,
                    name, versions.get(i), config.campaign().minProvisionedTps(), syncWith));
            campaign.dependOn(filters.toArray(IDependable[]::new));
            output(slot.constructId() + "CampaignArn", "The " + slot.configKey() + " campaign", campaign.arn());
        }
        serving = new ServingResources(campaignArns, arns.resource("filter", unwatched.name()),
                arns.resource("filter", unwatchedInGenre.name()), tracker.trackingId(), config.eventType());
    }

    public PersonalizeNames names() {
        return names;
    }

    public IRole serviceRole() {
        return serviceRole;
    }

    /** The campaigns, filters and event tracker the recommendations API calls. */
    public ServingResources serving() {
        return serving;
    }

    /** Schemas, datasets and one import per prepared file; returns what completes when all data is in. */
    private List<IDependable> importData(DatasetGroup group, PreparedData prepared, DataStore store, JobWatch watch) {
        List<IDependable> completions = new ArrayList<>();
        for (DatasetType type : prepared.datasets()) {
            String stem = type.personalizeName().toLowerCase(Locale.ROOT);
            PersonalizeSchema definition = PersonalizeSchemas.load(type, Domain.CUSTOM);
            PersonalizeSchemaResource schema = new PersonalizeSchemaResource(this, type.personalizeName() + "Schema",
                    new PersonalizeSchemaResource.Props(lifecycle, names.name(stem + "-schema", definition.json()),
                            definition));
            Dataset dataset = new Dataset(this, type.personalizeName() + "Dataset",
                    new Dataset.Props(lifecycle, names.name(stem), group, type, schema));
            DatasetImport dataImport = new DatasetImport(this, type.personalizeName() + "Import",
                    new DatasetImport.Props(lifecycle, names.name("import-" + stem, prepared.dataVersion()), dataset,
                            store.location(type.csvFileName()), serviceRole, "FULL", watch));
            completions.add(dataImport.completion());
        }
        return completions;
    }

    private Solution solution(DatasetGroup group, Recipe recipe, PersonalizeArns arns, TrainingSettings training) {
        boolean hpo = training.hpo() && recipe.acceptsHpo();
        Optional<String> schedule = training.autoTraining() ? Optional.of(training.autoTrainingSchedule())
                : Optional.empty();
        return new Solution(this, recipe.slot().constructId() + "Solution", new Solution.Props(lifecycle,
                names.name(recipe.slot().nameSegment(), recipe.id(), "hpo=" + hpo), group, arns.recipe(recipe.id()),
                hpo, training.autoTraining(), schedule));
    }

    private Filter filter(DatasetGroup group, EventTracker tracker, String id, String name, String expression) {
        Filter filter = new Filter(this, id + "Filter",
                new Filter.Props(lifecycle, names.name(name, expression), group, expression));
        filter.dependOn(tracker);
        output(id + "FilterArn", "The " + name + " recommendation filter", filter.arn());
        return filter;
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}
