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
                .env(props.env())
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
        lifecycle = new LifecycleProvider(this, "Lifecycle", LifecycleProviderProps.builder()
                .lifecycleJar(props.lifecycleJar())
                .arns(arns)
                .personalizeRole(serviceRole)
                .watchTimeout(training.timeout())
                .pollSeconds(training.pollSeconds())
                // MovieRecStage's Tags.of reaches CloudFormation resources only; the Personalize ones get them here.
                .tags(config.costAllocationTags())
                .build());
        JobWatch watch = lifecycle.watch();

        DatasetGroup group = new DatasetGroup(this, "DatasetGroup", DatasetGroup.Props.builder()
                .lifecycle(lifecycle)
                .name(names.name("dataset-group"))
                .key(store.key())
                .role(serviceRole)
                .build());
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
            versions.add(new TrainedSolutionVersion(this, slot.constructId() + "Version",
                    TrainedSolutionVersion.Props.builder()
                            .lifecycle(lifecycle)
                            .solution(solution)
                            .trigger(props.preparedData().dataVersion())
                            .watch(watch)
                            .gate(config.qualityGate().gate(slot).orElse(null))
                            // Built from the name: the campaign depends on the metrics, so a Ref would be a cycle.
                            .campaignArn(campaignArns.get(slot))
                            .build()));
        }

        EventTracker tracker = new EventTracker(this, "EventTracker", EventTracker.Props.builder()
                .lifecycle(lifecycle)
                .name(names.name("event-tracker"))
                .datasetGroup(group)
                .build());
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
            Campaign campaign = new Campaign(this, slot.constructId() + "Campaign", Campaign.Props.builder()
                    .lifecycle(lifecycle)
                    .name(name)
                    .solutionVersion(versions.get(i))
                    .minProvisionedTps(config.campaign().minProvisionedTps())
                    // With auto-training the campaign follows the solution's newest ACTIVE version by itself.
                    .syncWithLatestVersionOf(config.training().autoTraining() ? solutions.get(i) : null)
                    .build());
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
                    PersonalizeSchemaResource.Props.builder()
                            .lifecycle(lifecycle)
                            .name(names.name(stem + "-schema", definition.json()))
                            .schema(definition)
                            .build());
            Dataset dataset = new Dataset(this, type.personalizeName() + "Dataset", Dataset.Props.builder()
                    .lifecycle(lifecycle)
                    .name(names.name(stem))
                    .datasetGroup(group)
                    .type(type)
                    .schema(schema)
                    .build());
            DatasetImport dataImport = new DatasetImport(this, type.personalizeName() + "Import",
                    DatasetImport.Props.builder()
                            .lifecycle(lifecycle)
                            .jobName(names.name("import-" + stem, prepared.dataVersion()))
                            .dataset(dataset)
                            .dataLocation(store.location(type.csvFileName()))
                            .role(serviceRole)
                            .watch(watch)
                            .build());
            completions.add(dataImport.completion());
        }
        return completions;
    }

    private Solution solution(DatasetGroup group, Recipe recipe, PersonalizeArns arns, TrainingSettings training) {
        boolean hpo = training.hpo() && recipe.acceptsHpo();
        Solution.Props.Builder props = Solution.Props.builder()
                .lifecycle(lifecycle)
                .name(names.name(recipe.slot().nameSegment(), recipe.id(), "hpo=" + hpo))
                .datasetGroup(group)
                .recipeArn(arns.recipe(recipe.id()))
                .performHpo(hpo)
                .performAutoTraining(training.autoTraining());
        if (training.autoTraining()) {
            props.autoTrainingSchedule(training.autoTrainingSchedule());
        }
        return new Solution(this, recipe.slot().constructId() + "Solution", props.build());
    }

    private Filter filter(DatasetGroup group, EventTracker tracker, String id, String name, String expression) {
        Filter filter = new Filter(this, id + "Filter", Filter.Props.builder()
                .lifecycle(lifecycle)
                .name(names.name(name, expression))
                .datasetGroup(group)
                .expression(expression)
                .build());
        filter.dependOn(tracker);
        output(id + "FilterArn", "The " + name + " recommendation filter", filter.arn());
        return filter;
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}
