package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.ImportedData;
import com.movierec.local.personalize.engine.datasetimport.S3Location;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.engine.state.Dataset;
import com.movierec.local.personalize.engine.state.ImportJob;
import com.movierec.local.personalize.engine.state.Schema;
import com.movierec.local.personalize.iam.Authorizer;
import java.util.List;

/**
 * CreateDatasetImportJob, DescribeDatasetImportJob, ListDatasetImportJobs. A job reads its CSV while IN_PROGRESS
 * and its data becomes the dataset's when it turns ACTIVE. No API deletes a job; it goes with its dataset.
 */
public final class ImportJobs {

    private final EngineContext ctx;

    ImportJobs(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param importMode FULL (the default: replaces the data) or INCREMENTAL (adds to it) */
    public ImportJob create(String jobName, String datasetArn, String dataLocation, String roleArn, String importMode,
                            boolean publishAttributionMetricsToS3) {
        // The model leaves dataLocation optional, but there is nothing to import without it.
        Validation.require("dataSource.dataLocation", dataLocation);
        S3Location location = S3Location.parse(dataLocation);
        String mode = importMode == null ? "FULL" : importMode;
        synchronized (ctx.store) {
            Dataset dataset = ctx.store.datasets.require(datasetArn);
            EngineContext.requireActive(dataset, "to import into");
            List<ImportJob> running = ctx.store.importJobs.list(j -> j.datasetArn().equals(datasetArn)
                    && Status.inFlight(j.status()));
            if (!running.isEmpty()) {
                throw PersonalizeException.inUse("Dataset " + datasetArn + " already has an import job in progress: "
                        + running.get(0).arn() + ".");
            }
            ImportJob job = new ImportJob(ctx.arns.importJob(jobName), jobName, ctx.store.nextSequence(), ctx.now(),
                    datasetArn, dataLocation, roleArn, mode, publishAttributionMetricsToS3);
            ctx.store.importJobs.add(job);
            ctx.transitions.runJob(job, job.progress(), () -> {
                ImportedData data = run(job, dataset, location);
                return () -> commit(dataset, data);
            });
            return job;
        }
    }

    public ImportJob describe(String datasetImportJobArn) {
        return ctx.store.importJobs.require(datasetImportJobArn);
    }

    /** The dataset's jobs, or every job when {@code datasetArn} is null. */
    public List<ImportJob> list(String datasetArn) {
        if (datasetArn != null) {
            ctx.store.datasets.require(datasetArn);
        }
        return ctx.store.importJobs.list(j -> datasetArn == null || datasetArn.equals(j.datasetArn()));
    }

    private ImportedData run(ImportJob job, Dataset dataset, S3Location location) {
        ctx.faults.takeImportFailure().ifPresent(reason -> {
            throw new JobFailure(reason);
        });
        Authorizer iam = ctx.authorizer;
        if (iam != null) {
            new ServiceRoleAccess(iam, ctx.settings.accountId()).readFailure(job.arn(), job.roleArn(), location)
                    .ifPresent(reason -> {
                        throw new JobFailure(reason);
                    });
        }
        Schema schema = ctx.store.schemas.require(dataset.schemaArn());
        return ctx.importer.run(location, dataset.type(), schema.parsed(), schema.text(), dataset.data(),
                job.incremental());
    }

    private void commit(Dataset dataset, ImportedData data) {
        dataset.data(data);
        ctx.store.groups.find(dataset.groupArn()).ifPresent(group -> {
            switch (dataset.type()) {
                case INTERACTIONS -> group.activity().imported(data.interactions());
                case ITEMS -> group.activity().items(data.items());
                case USERS -> {
                    // no recipe here reads users
                }
            }
        });
    }
}
