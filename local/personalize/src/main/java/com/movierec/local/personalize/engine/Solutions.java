package com.movierec.local.personalize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.state.Campaign;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.engine.state.Solution;
import com.movierec.local.personalize.engine.state.Update;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.UnsupportedRecipeException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CreateSolution, DescribeSolution, UpdateSolution, ListSolutions, DeleteSolution. */
public final class Solutions {
    /** Personalize's default auto-training schedule. */
    static final String DEFAULT_SCHEDULE = "rate(7 days)";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,2}) days?\\)");

    /** CreateSolution's fields; Boolean fields are null when the request leaves them out. */
    public record CreateRequest(String name, String datasetGroupArn, String recipeArn, Boolean performHPO,
                                Boolean performAutoML, Boolean performAutoTraining, Boolean performIncrementalUpdate,
                                String eventType, JsonNode solutionConfig) {
    }

    private final EngineContext ctx;

    Solutions(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Solution create(CreateRequest request) {
        if (Boolean.TRUE.equals(request.performAutoML())) {
            throw PersonalizeException.invalidInput("AutoML (performAutoML) is no longer available: name a recipe "
                    + "in recipeArn, such as " + Recipe.USER_PERSONALIZATION_V2.arn() + ".");
        }
        Recipe recipe = recipe(request.recipeArn());
        boolean autoTraining = !Boolean.FALSE.equals(request.performAutoTraining()); // Personalize defaults to true
        ObjectNode config = config(request.solutionConfig(), autoTraining);
        Double threshold = eventValueThreshold(config);
        synchronized (ctx.store) {
            DatasetGroup group = ctx.store.groups.require(request.datasetGroupArn());
            EngineContext.requireActive(group, "to hold solutions");
            Solution solution = new Solution(ctx.arns.solution(request.name()), request.name(),
                    ctx.store.nextSequence(), ctx.now(), group.arn(), recipe, request.recipeArn(),
                    Boolean.TRUE.equals(request.performHPO()), autoTraining,
                    Boolean.TRUE.equals(request.performIncrementalUpdate()), request.eventType(), threshold, config);
            ctx.store.solutions.add(solution);
            ctx.transitions.create(solution);
            return solution;
        }
    }

    public Solution describe(String solutionArn) {
        return ctx.store.solutions.require(solutionArn);
    }

    /** The group's solutions, or every solution when {@code datasetGroupArn} is null. */
    public List<Solution> list(String datasetGroupArn) {
        if (datasetGroupArn != null) {
            ctx.store.groups.require(datasetGroupArn);
        }
        return ctx.store.solutions.list(s -> datasetGroupArn == null || datasetGroupArn.equals(s.groupArn()));
    }

    /**
     * Changes auto-training in place.
     *
     * @param performAutoTraining  null keeps the current setting
     * @param solutionUpdateConfig may set autoTrainingConfig.schedulingExpression; null for none
     */
    public Solution update(String solutionArn, Boolean performAutoTraining, JsonNode solutionUpdateConfig) {
        String schedule = solutionUpdateConfig == null ? null
                : schedule(solutionUpdateConfig.path("autoTrainingConfig"));
        synchronized (ctx.store) {
            Solution solution = describe(solutionArn);
            EngineContext.requireActive(solution, "to be updated");
            Update<Solution.Change> running = solution.latestUpdate();
            if (running != null && Status.inFlight(running.progress().status())) {
                throw PersonalizeException.inUse("Resource " + solution.arn() + " has an update "
                        + running.progress().status() + ".");
            }
            boolean autoTraining = performAutoTraining == null ? solution.performAutoTraining() : performAutoTraining;
            if (schedule != null && !autoTraining) {
                throw PersonalizeException.invalidInput("autoTrainingConfig needs performAutoTraining.");
            }
            ObjectNode next = solution.solutionConfig().deepCopy();
            if (autoTraining) {
                next.putObject("autoTrainingConfig").put("schedulingExpression", schedule != null ? schedule
                        : next.path("autoTrainingConfig").path("schedulingExpression").asText(DEFAULT_SCHEDULE));
            } else {
                next.remove("autoTrainingConfig");
            }
            Update<Solution.Change> update = new Update<>(new Solution.Change(autoTraining, solutionUpdateConfig),
                    Status.CREATE_PENDING, ctx.now());
            solution.latestUpdate(update);
            ctx.transitions.update(solution, update.progress(), () -> solution.apply(autoTraining, next));
            return solution;
        }
    }

    /** Refused while a version trains or a campaign serves (or is moving to) one of its versions. */
    public void delete(String solutionArn) {
        synchronized (ctx.store) {
            Solution solution = describe(solutionArn);
            EngineContext.requireDeletable(solution);
            List<Resource> users = new ArrayList<>();
            users.addAll(ctx.store.versions.list(v -> v.solution() == solution && Status.inFlight(v.status())));
            users.addAll(ctx.store.campaigns.list(c -> serves(c, solution)));
            EngineContext.requireUnused(solution, users);
            ctx.transitions.delete(solution, () -> {
                ctx.store.versions.list(v -> v.solution() == solution).forEach(ctx.store::remove);
                ctx.store.remove(solution);
            });
        }
    }

    private static boolean serves(Campaign campaign, Solution solution) {
        Update<Campaign.Settings> update = campaign.latestUpdate();
        return campaign.settings().version().solution() == solution
                || (update != null && update.requested().version().solution() == solution);
    }

    private static Recipe recipe(String recipeArn) {
        // The model leaves recipeArn optional (for AutoML, which is gone), so a solution without one has no recipe.
        Validation.require("recipeArn", recipeArn);
        try {
            return Recipe.fromArn(recipeArn);
        } catch (UnsupportedRecipeException e) {
            throw PersonalizeException.invalidInput(e.getMessage());
        }
    }

    /** The solutionConfig as Describe reports it: as given, plus the default schedule with auto-training. */
    private static ObjectNode config(JsonNode given, boolean autoTraining) {
        ObjectNode config = given == null ? JsonNodeFactory.instance.objectNode() : given.deepCopy();
        if (config.has("autoMLConfig")) {
            throw PersonalizeException.invalidInput("autoMLConfig is no longer available: AutoML chose among "
                    + "retired recipes; name the recipe in recipeArn.");
        }
        String schedule = schedule(config.path("autoTrainingConfig"));
        if (schedule != null && !autoTraining) {
            throw PersonalizeException.invalidInput("autoTrainingConfig needs performAutoTraining.");
        }
        if (autoTraining) {
            config.putObject("autoTrainingConfig").put("schedulingExpression",
                    schedule != null ? schedule : DEFAULT_SCHEDULE);
        }
        return config;
    }

    /** autoTrainingConfig.schedulingExpression, checked: rate(N days) with N from 1 to 30; null when absent. */
    private static String schedule(JsonNode autoTrainingConfig) {
        JsonNode expression = autoTrainingConfig.path("schedulingExpression");
        if (expression.isMissingNode() || expression.isNull()) {
            return null;
        }
        Matcher rate = RATE.matcher(expression.asText());
        int days = rate.matches() ? Integer.parseInt(rate.group(1)) : 0;
        if (days < 1 || days > 30) {
            throw Validation.failed("autoTrainingConfig.schedulingExpression", expression.asText(),
                    "Member must be rate(N days) with N from 1 to 30");
        }
        return expression.asText();
    }

    private static Double eventValueThreshold(JsonNode config) {
        JsonNode value = config.path("eventValueThreshold");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return Double.valueOf(value.asText());
        } catch (NumberFormatException e) {
            throw Validation.failed("solutionConfig.eventValueThreshold", value.asText(), "Member must be a number");
        }
    }
}
