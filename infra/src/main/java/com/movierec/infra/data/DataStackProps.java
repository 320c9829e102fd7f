package com.movierec.infra.data;

import com.movierec.infra.personalize.PersonalizeNames;
import java.util.Objects;
import software.amazon.awscdk.Environment;

/**
 * @param env          account and region; null for an environment-agnostic stack
 * @param stackName    the CloudFormation stack name
 * @param names        this environment's Personalize names (the key and bucket policies match them)
 * @param dataset      the MovieLens release, which names the S3 prefix, e.g. ml-100k
 * @param preparedData data-prep's output, uploaded under {@code datasets/<dataset>/<dataVersion>/}
 * @param retainData   keep the buckets and the key when the stack is deleted
 */
public record DataStackProps(Environment env, String stackName, PersonalizeNames names, String dataset,
                             PreparedData preparedData, boolean retainData) {

    public DataStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(preparedData, "preparedData");
        if (dataset == null || !dataset.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("dataset \"" + dataset + "\" cannot name an S3 prefix: use lower-case "
                    + "letters, digits and dashes, e.g. ml-100k");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Environment env;
        private String stackName;
        private PersonalizeNames names;
        private String dataset;
        private PreparedData preparedData;
        private boolean retainData = true;

        public Builder env(Environment env) {
            this.env = env;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        public Builder names(PersonalizeNames names) {
            this.names = names;
            return this;
        }

        public Builder dataset(String dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder preparedData(PreparedData preparedData) {
            this.preparedData = preparedData;
            return this;
        }

        public Builder retainData(boolean retainData) {
            this.retainData = retainData;
            return this;
        }

        public DataStackProps build() {
            return new DataStackProps(env, stackName, names, dataset, preparedData, retainData);
        }
    }
}
