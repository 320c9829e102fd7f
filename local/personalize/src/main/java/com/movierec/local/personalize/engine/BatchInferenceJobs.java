package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.S3Location;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.engine.state.BatchInferenceJob;
import com.movierec.local.personalize.engine.state.Filter;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.iam.Authorizer;
import java.util.List;

/**
 * CreateBatchInferenceJob, DescribeBatchInferenceJob, ListBatchInferenceJobs. A job runs like an import: while
 * IN_PROGRESS it checks Personalize's own access (with IAM enforced), reads the JSON Lines input, recommends for
 * each line with the solution version's model and writes {@code <output path>/<input file name>.out}; ACTIVE once
 * written. No API deletes a job.
 */
public final class BatchInferenceJobs {
    private static final String BATCH_INFERENCE = "BATCH_INFERENCE";

    private final EngineContext ctx;
    private final Recommender recommender;

    BatchInferenceJobs(EngineContext ctx, Recommender recommender) {
        this.ctx = ctx;
        this.recommender = recommender;
    }

    /**
     * @param requested what the request names; a null {@code mode} is Personalize's default BATCH_INFERENCE
     */
    public BatchInferenceJob create(String jobName, BatchInferenceJob.Settings requested) {
        S3Location input = S3Location.parse("jobInput.s3DataSource.path", requested.inputPath(),
                "s3://bucket-name/folder/input.json");
        // Personalize names the output after the input file: <output path>/<input file name>.out.
        S3Location output = S3Location.inFolder("jobOutput.s3DataDestination.path", requested.outputPath(),
                input.fileName() + ".out");
        Integer numResults = requested.numResults();
        if (numResults != null && numResults > Recommender.MAX_RESULTS) { // the model bounds it not at all
            throw Validation.failed("numResults", numResults,
                    "Member must be between 0 and " + Recommender.MAX_RESULTS);
        }
        String mode = requested.mode() == null ? BATCH_INFERENCE : requested.mode();
        if (!BATCH_INFERENCE.equals(mode)) {
            // Themes come from Personalize's Content Generator (a generative model), which local mode does not have.
            throw PersonalizeException.invalidInput("personalize-local does not implement batchInferenceJobMode "
                    + mode + " (themes from Content Generator); use " + BATCH_INFERENCE + ".");
        }
        BatchInferenceJob.Settings settings = new BatchInferenceJob.Settings(requested.solutionVersionArn(),
                requested.filterArn(), numResults, requested.inputPath(), requested.inputKmsKeyArn(),
                requested.outputPath(), requested.outputKmsKeyArn(), requested.roleArn(), requested.config(), mode,
                requested.themeGenerationConfig());
        synchronized (ctx.store) {
            SolutionVersion version = ctx.store.versions.require(requested.solutionVersionArn());
            EngineContext.requireActive(version, "to create a batch inference job");
            Filter filter = filter(version, requested.filterArn());
            BatchInferenceJob job = new BatchInferenceJob(ctx.arns.batchInferenceJob(jobName), jobName,
                    ctx.store.nextSequence(), ctx.now(), settings);
            ctx.store.batchJobs.add(job);
            int n = numResults == null ? Recommender.DEFAULT_RESULTS : numResults;
            ctx.transitions.runJob(job, job.progress(), () -> {
                run(job, version, filter, input, output, n);
                return () -> { }; // the output is in S3 already; nothing changes in the engine
            });
            return job;
        }
    }

    public BatchInferenceJob describe(String batchInferenceJobArn) {
        return ctx.store.batchJobs.require(batchInferenceJobArn);
    }

    /** The version's jobs, or every job when {@code solutionVersionArn} is null. */
    public List<BatchInferenceJob> list(String solutionVersionArn) {
        return ctx.store.batchJobs.list(j -> solutionVersionArn == null
                || solutionVersionArn.equals(j.settings().solutionVersionArn()));
    }

    /** The job's filter: it must exist, be ACTIVE and belong to the version's dataset group; null without one. */
    private Filter filter(SolutionVersion version, String filterArn) {
        if (filterArn == null) {
            return null;
        }
        Filter filter = ctx.store.filters.require(filterArn);
        EngineContext.requireActive(filter, "to filter a batch inference job");
        String group = version.solution().groupArn();
        if (!filter.groupArn().equals(group)) {
            throw PersonalizeException.invalidInput("Filter " + filterArn + " belongs to dataset group "
                    + filter.groupArn() + ", not to the solution version's " + group + ".");
        }
        return filter;
    }

    private void run(BatchInferenceJob job, SolutionVersion version, Filter filter, S3Location input,
                     S3Location output, int numResults) {
        Authorizer iam = ctx.authorizer;
        if (iam != null) {
            BatchInferenceJob.Settings s = job.settings();
            new ServiceRoleAccess(iam, ctx.settings.accountId())
                    .batchFailure(job.arn(), s.roleArn(), input, output, s.outputKmsKeyArn())
                    .ifPresent(reason -> {
                        throw new JobFailure(reason);
                    });
        }
        new BatchFile(input, output, ctx.settings.s3Root()).write(line -> recommender.batch(version, filter,
                line.userId(), line.itemId(), line.itemList(), numResults, line.filterValues()));
    }
}
