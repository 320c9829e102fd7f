package com.movierec.infra.retraining;

import com.movierec.infra.config.QualityGateSettings;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.config.RetrainingSettings;
import com.movierec.infra.data.DataStore;
import com.movierec.infra.personalize.PersonalizeNames;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Environment;

/**
 * @param env          account and region; null inside a Stage, whose environment the stack inherits
 * @param stackName    the CloudFormation stack name
 * @param names        this environment's Personalize names: the dataset group, dataset, job, role and state machine
 *                     names derive from them
 * @param dataStore    the data bucket and its key (the Data stack's {@code store()}): the interactions are imported
 *                     again from the location the deploy imported them from
 * @param lifecycleJar the lifecycle Lambdas' jar, whose {@code RetrainingGateHandler} checks the quality gate
 * @param campaignArns the deployed campaigns by slot (the Personalize stack's {@code serving().campaignArns()}): each
 *                     is retrained, from the solution whose version it serves
 * @param qualityGate  the environment's gates; a gated slot's campaign moves to a new version only if it passes
 * @param settings     the schedule, if any
 */
public record RetrainingStackProps(Environment env, String stackName, PersonalizeNames names, DataStore dataStore,
                                   Path lifecycleJar, Map<RecipeSlot, String> campaignArns,
                                   QualityGateSettings qualityGate, RetrainingSettings settings) {

    public RetrainingStackProps {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(dataStore, "dataStore");
        Objects.requireNonNull(lifecycleJar, "lifecycleJar");
        Objects.requireNonNull(qualityGate, "qualityGate");
        Objects.requireNonNull(settings, "settings");
        if (campaignArns == null || campaignArns.isEmpty()) {
            throw new IllegalArgumentException("campaignArns is empty: retraining needs at least one deployed "
                    + "campaign (the Personalize stack's serving().campaignArns())");
        }
        String own = ":campaign/" + names.prefix();
        campaignArns.forEach((slot, arn) -> {
            if (arn == null || !arn.startsWith("arn:") || !arn.contains(":personalize:") || !arn.contains(own)) {
                throw new IllegalArgumentException("the " + slot.configKey() + " campaign \"" + arn + "\" is not one "
                        + "of this environment's: arn:<partition>:personalize:<region>:<account>" + own + "...");
            }
        });
        for (RecipeSlot slot : qualityGate.bySlot().keySet()) {
            if (!campaignArns.containsKey(slot)) {
                throw new IllegalArgumentException("the quality gate of " + slot.configKey() + " has no campaign to "
                        + "retrain: gate only deployed slots");
            }
        }
        campaignArns = Collections.unmodifiableMap(new EnumMap<>(campaignArns));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Environment env;
        private String stackName;
        private PersonalizeNames names;
        private DataStore dataStore;
        private Path lifecycleJar;
        private Map<RecipeSlot, String> campaignArns = Map.of();
        private QualityGateSettings qualityGate = QualityGateSettings.none();
        private RetrainingSettings settings = RetrainingSettings.none();

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

        public Builder dataStore(DataStore dataStore) {
            this.dataStore = dataStore;
            return this;
        }

        public Builder lifecycleJar(Path lifecycleJar) {
            this.lifecycleJar = lifecycleJar;
            return this;
        }

        public Builder campaignArns(Map<RecipeSlot, String> campaignArns) {
            this.campaignArns = campaignArns;
            return this;
        }

        /** Optional: no slot gated when not set. */
        public Builder qualityGate(QualityGateSettings qualityGate) {
            this.qualityGate = qualityGate;
            return this;
        }

        /** Optional: on demand only when not set. */
        public Builder settings(RetrainingSettings settings) {
            this.settings = settings;
            return this;
        }

        public RetrainingStackProps build() {
            return new RetrainingStackProps(env, stackName, names, dataStore, lifecycleJar, campaignArns, qualityGate,
                    settings);
        }
    }
}
