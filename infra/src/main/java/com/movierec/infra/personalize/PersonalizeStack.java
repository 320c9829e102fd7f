package com.movierec.infra.personalize;

import com.movierec.infra.config.EnvironmentConfig;
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

        // One per enabled recipe; each slot's campaign is created below, once the filters it depends on exist.
        List<RecipeSlotResources> slots = config.recipes().enabled().stream()
                .map(recipe -> new RecipeSlotResources(this, lifecycle, arns, config, recipe, group,
                        props.preparedData().dataVersion(), imported))
                .toList();

        EventTracker tracker = new EventTracker(this, "EventTracker",
                new EventTracker.Props(lifecycle, names.name("event-tracker"), group));
        tracker.dependOn(slots.stream().map(RecipeSlotResources::solution).toArray(IDependable[]::new));
        output("EventTrackerTrackingId", "PutEvents' trackingId for live interactions", tracker.trackingId());

        Filter unwatched = filter(group, tracker, "Unwatched", "unwatched",
                FilterExpressions.unwatched(config.eventType()));
        Filter genre = filter(group, tracker, "Genre", "genre", FilterExpressions.genre());
        Filter unwatchedInGenre = filter(group, tracker, "UnwatchedInGenre", "unwatched-in-genre",
                FilterExpressions.unwatchedInGenre(config.eventType()));
        List<Filter> filters = List.of(unwatched, genre, unwatchedInGenre);

        Map<RecipeSlot, String> campaignArns = new EnumMap<>(RecipeSlot.class);
        for (RecipeSlotResources slot : slots) {
            Campaign campaign = slot.createCampaign(filters);
            output(slot.slot().constructId() + "CampaignArn", "The " + slot.slot().configKey() + " campaign",
                    campaign.arn());
            campaignArns.put(slot.slot(), slot.campaignArn());
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
