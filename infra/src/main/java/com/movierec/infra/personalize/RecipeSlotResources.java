package com.movierec.infra.personalize;

import com.movierec.infra.config.EnvironmentConfig;
import com.movierec.infra.config.Recipe;
import com.movierec.infra.config.RecipeSlot;
import com.movierec.infra.config.TrainingSettings;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.infra.personalize.resources.Campaign;
import com.movierec.infra.personalize.resources.DatasetGroup;
import com.movierec.infra.personalize.resources.Filter;
import com.movierec.infra.personalize.resources.Solution;
import com.movierec.infra.personalize.resources.TrainedSolutionVersion;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * One enabled recipe's slot: its solution, the version a deploy trains with its metrics and quality gate, and the
 * campaign that serves it, whose ARN the API, batch and retraining stacks get through {@link ServingResources}.
 *
 * <p>A plain class, not a Construct: a construct in between would put its id into the path, and so the logical id,
 * of everything below it, and CloudFormation would replace every solution and campaign. The resources are created in
 * the stack's scope under the ids they always had: {@code <Slot>Solution}, {@code <Slot>Version} and
 * {@code <Slot>Campaign}.
 */
final class RecipeSlotResources {
    private final Construct stack;
    private final LifecycleProvider lifecycle;
    private final EnvironmentConfig config;
    private final RecipeSlot slot;
    private final Solution solution;
    private final TrainedSolutionVersion version;
    private final String campaignName;
    private final String campaignArn;

    /**
     * Creates the solution, trained on the imported data, and its version trained on {@code dataVersion}; the
     * campaign comes later, with {@link #createCampaign}.
     */
    RecipeSlotResources(Construct stack, LifecycleProvider lifecycle, PersonalizeArns arns, EnvironmentConfig config,
                        Recipe recipe, DatasetGroup group, String dataVersion, List<IDependable> imported) {
        this.stack = stack;
        this.lifecycle = lifecycle;
        this.config = config;
        slot = recipe.slot();
        PersonalizeNames names = arns.names();
        TrainingSettings training = config.training();
        boolean hpo = training.hpo() && recipe.acceptsHpo();
        Optional<String> schedule = training.autoTraining() ? Optional.of(training.autoTrainingSchedule())
                : Optional.empty();
        solution = new Solution(stack, slot.constructId() + "Solution", new Solution.Props(lifecycle,
                names.name(slot.nameSegment(), recipe.id(), "hpo=" + hpo), group, arns.recipe(recipe.id()), hpo,
                training.autoTraining(), schedule));
        solution.dependOn(imported.toArray(IDependable[]::new));
        // A new solution means a new campaign: UpdateCampaign only moves between versions.
        campaignName = names.name(slot.nameSegment(), solution.name());
        // Built from the name: the campaign depends on the version's metrics, so a Ref would be a cycle.
        campaignArn = arns.resource("campaign", campaignName);
        version = new TrainedSolutionVersion(stack, slot.constructId() + "Version", new TrainedSolutionVersion.Props(
                lifecycle, solution, dataVersion, "FULL", lifecycle.watch(), config.qualityGate().gate(slot),
                campaignArn));
    }

    /**
     * Creates the campaign, deleted before every filter as Personalize requires. The stack calls this once the event
     * tracker (which waits for every slot's solution) and the filters exist: the template lists resources in the
     * order they are created, and campaigns have always come last.
     */
    Campaign createCampaign(List<Filter> filters) {
        // With auto-training the campaign follows the solution's newest ACTIVE version by itself.
        Optional<Solution> syncWith = config.training().autoTraining() ? Optional.of(solution) : Optional.empty();
        Campaign campaign = new Campaign(stack, slot.constructId() + "Campaign", new Campaign.Props(lifecycle,
                campaignName, version, config.campaign().minProvisionedTps(), syncWith));
        campaign.dependOn(filters.toArray(IDependable[]::new));
        return campaign;
    }

    RecipeSlot slot() {
        return slot;
    }

    Solution solution() {
        return solution;
    }

    /** The campaign's ARN, known at synth (built from its name) and before {@link #createCampaign}. */
    String campaignArn() {
        return campaignArn;
    }
}
