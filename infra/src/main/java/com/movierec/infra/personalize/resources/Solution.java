package com.movierec.infra.personalize.resources;

import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * {@code Custom::PersonalizeSolution}: a recipe configured for the dataset group. Auto-training is always stated,
 * because Personalize turns it on by default and bills every scheduled training.
 */
public final class Solution extends PersonalizeResource {
    public static final String TYPE = CustomResourceType.SOLUTION.cloudFormationName();

    private final String name;

    public Solution(Construct scope, String id, Props props) {
        super(scope, id, props.lifecycle(), TYPE, properties(props));
        this.name = props.name();
    }

    /** The Personalize name, a literal: derived names of dependants may hash it. */
    public String name() {
        return name;
    }

    private static Map<String, String> properties(Props props) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Name", requireName("solution", props.name()));
        properties.put("DatasetGroupArn", props.datasetGroup().arn());
        properties.put("RecipeArn", props.recipeArn());
        properties.put("PerformHPO", Boolean.toString(props.performHpo()));
        properties.put("PerformAutoTraining", Boolean.toString(props.performAutoTraining()));
        props.autoTrainingSchedule().ifPresent(schedule -> properties.put("AutoTrainingSchedule", schedule));
        return properties;
    }

    /**
     * @param lifecycle            the custom-resource provider
     * @param name                 the Personalize name; derive it from the recipe and HPO, which cannot change
     * @param datasetGroup         the group whose data it trains on
     * @param recipeArn            the recipe, e.g. {@code arn:aws:personalize:::recipe/aws-user-personalization-v2}
     * @param performHpo           hyperparameter optimisation (only for recipes that accept it)
     * @param performAutoTraining  whether Personalize retrains on a schedule; required
     * @param autoTrainingSchedule the schedule, required with auto-training and refused without it
     */
    public record Props(LifecycleProvider lifecycle, String name, DatasetGroup datasetGroup, String recipeArn,
                        boolean performHpo, Boolean performAutoTraining, Optional<String> autoTrainingSchedule) {
        public Props {
            require("lifecycle", lifecycle);
            require("datasetGroup", datasetGroup);
            require("recipeArn", recipeArn);
            require("performAutoTraining (Personalize's default is on, which bills every scheduled training)",
                    performAutoTraining);
            autoTrainingSchedule = autoTrainingSchedule == null ? Optional.empty() : autoTrainingSchedule;
            if (performAutoTraining && autoTrainingSchedule.isEmpty()) {
                throw new IllegalArgumentException("solution " + name + " trains automatically but has no schedule: "
                        + "set autoTrainingSchedule, e.g. rate(7 days)");
            }
            if (!performAutoTraining && autoTrainingSchedule.isPresent()) {
                throw new IllegalArgumentException("solution " + name + " has the schedule \""
                        + autoTrainingSchedule.get() + "\" but no auto-training: drop the schedule or turn it on");
            }
        }
    }
}
