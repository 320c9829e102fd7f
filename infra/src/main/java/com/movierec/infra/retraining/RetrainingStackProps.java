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

/**
 * What the retraining stack is built from; its account and region are those of the Stage it lives in.
 *
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
public record RetrainingStackProps(String stackName, PersonalizeNames names, DataStore dataStore,
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
}
