package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.provider.JobWatch;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnWaitCondition;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * {@code Custom::PersonalizeDatasetImportJob} plus the WaitCondition the watcher signals: the custom resource only
 * starts the import, which may take longer than the hour CloudFormation gives a custom resource. Anything that needs
 * the data depends on {@link #completion()}.
 */
public final class DatasetImport extends Construct {
    public static final String TYPE = CustomResourceType.DATASET_IMPORT_JOB.cloudFormationName();

    private final CustomResource job;
    private final CompletionSignal signal;

    public DatasetImport(Construct scope, String id, Props props) {
        super(scope, id);
        String jobName = PersonalizeResource.requireName("dataset import job", props.jobName());
        if (!props.dataLocation().startsWith("s3://")) {
            throw new IllegalArgumentException("data location \"" + props.dataLocation() + "\" is not an S3 URI: "
                    + "use s3://<bucket>/<key>.csv");
        }
        JobWatch watch = props.watch();
        signal = new CompletionSignal(this, PersonalizeNames.hash(List.of(jobName, props.importMode(),
                Integer.toString(watch.pollSeconds()))), watch.timeout());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("JobName", jobName);
        properties.put("DatasetArn", props.dataset().arn());
        properties.put("DataLocation", props.dataLocation());
        properties.put("RoleArn", props.role().getRoleArn());
        properties.put("ImportMode", props.importMode());
        properties.put("SignalUrl", signal.signalUrl());
        properties.put("WatcherStateMachineArn", watch.stateMachineArn());
        properties.put("PollSeconds", Integer.toString(watch.pollSeconds()));
        job = props.lifecycle().resource(this, "Job", TYPE, properties);
        signal.after(job);
    }

    /** The import job resource, whose Arn attribute is the job's ARN. */
    public CustomResource job() {
        return job;
    }

    /** Completes when Personalize has imported the data; fails the deploy with the job's failure reason. */
    public CfnWaitCondition completion() {
        return signal.condition();
    }

    /**
     * @param lifecycle    the custom-resource provider
     * @param jobName      the Personalize job name; derive it from the data version, since a job runs once
     * @param dataset      the dataset to import into
     * @param dataLocation the CSV file, {@code s3://bucket/key.csv}
     * @param role         the service role Personalize reads the bucket with
     * @param importMode   FULL (replace the data) or INCREMENTAL
     * @param watch        the watcher and the timeout
     */
    public record Props(LifecycleProvider lifecycle, String jobName, Dataset dataset, String dataLocation, IRole role,
                        String importMode, JobWatch watch) {
        public Props {
            PersonalizeResource.require("lifecycle", lifecycle);
            PersonalizeResource.require("dataset", dataset);
            PersonalizeResource.require("dataLocation", dataLocation);
            PersonalizeResource.require("role", role);
            PersonalizeResource.require("watch", watch);
            if (!List.of("FULL", "INCREMENTAL").contains(importMode)) {
                throw new IllegalArgumentException("import mode \"" + importMode + "\" is not FULL or INCREMENTAL");
            }
        }
    }
}
