package com.movierec.infra.data;

import com.movierec.infra.personalize.PersonalizeNames;
import java.util.Objects;

/**
 * What the Data stack is built from; its account and region are those of the Stage it lives in.
 *
 * @param stackName    the CloudFormation stack name
 * @param names        this environment's Personalize names (the key and bucket policies match them)
 * @param dataset      the MovieLens release, which names the S3 prefix, e.g. ml-100k
 * @param preparedData data-prep's output, uploaded under {@code datasets/<dataset>/<dataVersion>/}
 * @param retainData   keep the buckets and the key when the stack is deleted
 */
public record DataStackProps(String stackName, PersonalizeNames names, String dataset, PreparedData preparedData,
                             boolean retainData) {

    public DataStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(preparedData, "preparedData");
        if (dataset == null || !dataset.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("dataset \"" + dataset + "\" cannot name an S3 prefix: use lower-case "
                    + "letters, digits and dashes, e.g. ml-100k");
        }
    }
}
