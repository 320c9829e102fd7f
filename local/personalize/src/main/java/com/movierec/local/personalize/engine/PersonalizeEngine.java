package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.iam.Authorizer;
import java.util.List;
import java.util.Optional;

/**
 * personalize-local's engine: every Personalize resource of one region and account, their state machines, real
 * training and serving. The server exposes it over HTTP; tests and tools can also drive it directly. Thread-safe.
 * The service model's constraints (required members, lengths, patterns, ranges, enums) are checked by the server in
 * front of it, as on AWS; a direct caller passes requests that meet them.
 */
public final class PersonalizeEngine implements AutoCloseable {
    private final EngineContext ctx;
    private final Schemas schemas;
    private final DatasetGroups datasetGroups;
    private final Datasets datasets;
    private final ImportJobs importJobs;
    private final Solutions solutions;
    private final SolutionVersions solutionVersions;
    private final Campaigns campaigns;
    private final EventTrackers eventTrackers;
    private final Filters filters;
    private final RecipeCatalog recipes = new RecipeCatalog();
    private final Recommender recommender;
    private final EventIngest events;
    private final BatchInferenceJobs batchInferenceJobs;

    public PersonalizeEngine(EngineSettings settings) {
        this.ctx = new EngineContext(settings);
        this.schemas = new Schemas(ctx);
        this.datasetGroups = new DatasetGroups(ctx);
        this.datasets = new Datasets(ctx);
        this.importJobs = new ImportJobs(ctx);
        this.solutions = new Solutions(ctx);
        this.solutionVersions = new SolutionVersions(ctx);
        this.campaigns = new Campaigns(ctx);
        this.eventTrackers = new EventTrackers(ctx);
        this.filters = new Filters(ctx);
        this.recommender = new Recommender(ctx);
        this.events = new EventIngest(ctx);
        this.batchInferenceJobs = new BatchInferenceJobs(ctx, recommender);
    }

    public EngineSettings settings() {
        return ctx.settings;
    }

    public Schemas schemas() {
        return schemas;
    }

    public DatasetGroups datasetGroups() {
        return datasetGroups;
    }

    public Datasets datasets() {
        return datasets;
    }

    public ImportJobs importJobs() {
        return importJobs;
    }

    public Solutions solutions() {
        return solutions;
    }

    public SolutionVersions solutionVersions() {
        return solutionVersions;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public EventTrackers eventTrackers() {
        return eventTrackers;
    }

    public Filters filters() {
        return filters;
    }

    public BatchInferenceJobs batchInferenceJobs() {
        return batchInferenceJobs;
    }

    public RecipeCatalog recipes() {
        return recipes;
    }

    public Recommender recommender() {
        return recommender;
    }

    public EventIngest events() {
        return events;
    }

    /** Fault injection: failed imports and trainings, throttled requests. */
    public Faults faults() {
        return ctx.faults;
    }

    public Delays delays() {
        return ctx.transitions.delays();
    }

    /** Changes the state delays for transitions scheduled from now on. */
    public void delays(Delays delays) {
        ctx.transitions.delays(delays);
    }

    /**
     * Enforces IAM from now on: the server authenticates and authorises every API call with {@code authorizer}, and
     * jobs check Personalize's own access to their role, bucket and key as the service does.
     */
    public void enforceIam(Authorizer authorizer) {
        ctx.authorizer = authorizer;
    }

    /** The IAM local mode enforces, if it does. */
    public Optional<Authorizer> iam() {
        return Optional.ofNullable(ctx.authorizer);
    }

    /** Every resource, oldest first. */
    public List<Resource> resources() {
        return ctx.store.all();
    }

    /** Forgets every resource and disarms every fault at once; transitions still scheduled do nothing. */
    public void reset() {
        synchronized (ctx.store) {
            ctx.store.clear();
        }
        recommender.forget();
        ctx.faults.clear();
    }

    @Override
    public void close() {
        ctx.transitions.close();
    }
}
