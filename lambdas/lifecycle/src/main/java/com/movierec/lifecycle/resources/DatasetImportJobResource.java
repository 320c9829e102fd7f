package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.watcher.WatcherKind;
import com.movierec.lifecycle.watcher.WatcherLauncher;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.List;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.DataSource;

/**
 * {@code Custom::PersonalizeDatasetImportJob}: JobName, DatasetArn, DataLocation, RoleArn, ImportMode plus the watcher
 * settings. New data is a new job name, so a new job; no API deletes an import job, so Delete does nothing.
 */
public final class DatasetImportJobResource extends WatchedJobResource {
    private static final List<String> IMPORT_MODES = List.of("FULL", "INCREMENTAL");

    private final PersonalizeClient personalize;

    public DatasetImportJobResource(PersonalizeClient personalize, Retry retry, WatcherLauncher watchers) {
        super(CustomResourceType.DATASET_IMPORT_JOB, WatcherKind.DATASET_IMPORT_JOB, retry, watchers);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected String nameProperty() {
        return "JobName";
    }

    @Override
    protected String startJob(CustomResourceEvent event) {
        Properties properties = event.properties();
        String dataLocation = properties.required("DataLocation");
        if (!dataLocation.startsWith("s3://")) {
            throw Failure.property(type, "DataLocation", "must be an s3:// URI of the CSV, not '" + dataLocation + "'");
        }
        CreateDatasetImportJobRequest request = CreateDatasetImportJobRequest.builder()
                .jobName(properties.required("JobName"))
                .datasetArn(properties.required("DatasetArn"))
                .dataSource(DataSource.builder().dataLocation(dataLocation).build())
                .roleArn(properties.required("RoleArn"))
                .importMode(properties.oneOf("ImportMode", IMPORT_MODES))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateDatasetImportJob", () -> personalize.createDatasetImportJob(request)).datasetImportJobArn();
    }

    @Override
    protected String jobName(CustomResourceEvent event, String arn) {
        return name(event);
    }

    @Override
    protected void delete(CustomResourceEvent event, String arn) {
        log.info("no API deletes an import job; it goes with its dataset");
    }
}
