package com.movierec.infra.data;

import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Where Personalize reads the prepared data from.
 *
 * @param bucket        the data bucket
 * @param key           the KMS key that encrypts it (and the dataset group)
 * @param datasetPrefix the prefix of every version of this dataset, e.g. {@code datasets/ml-100k/}: what Personalize may read
 * @param versionPrefix this synth's data, e.g. {@code datasets/ml-100k/0123456789ab/}
 */
public record DataStore(IBucket bucket, IKey key, String datasetPrefix, String versionPrefix) {

    /** The S3 URI of a file of this data version, as a dataset import job's data location. */
    public String location(String fileName) {
        return "s3://" + bucket.getBucketName() + "/" + versionPrefix + fileName;
    }
}
