package com.movierec.infra.config;

import com.movierec.infra.SynthException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the {@code movierec} context object of cdk.json into a {@link MovieRecConfig}, or throws a
 * {@link SynthException} with one sentence per invalid value (full key path, the value, the fix).
 */
public final class MovieRecConfigParser {
    public static final String CONTEXT_KEY = "movierec";

    static final List<String> DATASETS =
            List.of("ml-100k", "ml-1m", "ml-10m", "ml-latest-small", "ml-latest", "ml-25m", "ml-32m");

    private static final Pattern NON_BLANK = Pattern.compile(".*\\S.*");
    /** Quotes and spaces would break the filter expression the event type is written into. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");
    private static final Pattern ANY = Pattern.compile("(?s).*");

    private static final Set<String> ENVIRONMENT_KEYS = Set.of("account", "region", "dataset", "preparedDataDir",
            "eventType", "recipes", "campaign", "training", "retainDataOnDestroy", "api", "qualityGate", "monitoring",
            "retraining", "batchRecommendations", "tags");
    private static final Set<String> TRAINING_KEYS =
            Set.of("hpo", "autoTraining", "autoTrainingSchedule", "timeoutHours", "pollSeconds");

    private MovieRecConfigParser() {
    }

    public static MovieRecConfig parse(Object context) {
        List<String> problems = new ArrayList<>();
        if (context == null) {
            throw new SynthException("cdk.json has no \"" + CONTEXT_KEY + "\" context: add \"" + CONTEXT_KEY
                    + "\": {\"environments\": {\"dev\": {\"region\": \"eu-west-1\"}}} under \"context\" "
                    + "(infra/README.md lists every key).");
        }
        if (!(context instanceof Map<?, ?> map)) {
            throw new SynthException(CONTEXT_KEY + " is " + ConfigNode.show(context) + ": make it a JSON object "
                    + "with an \"environments\" object (infra/README.md lists every key).");
        }
        ConfigNode root = new ConfigNode(CONTEXT_KEY, map, problems);
        root.rejectUnknownKeys(Set.of("environments", "pipeline"));
        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        Optional<ConfigNode> envs = root.object("environments", "make it an object with one entry per environment");
        if (envs.isPresent() && envs.get().keys().isEmpty() || !root.has("environments")) {
            problems.add(CONTEXT_KEY + ".environments has no environment: add at least one, e.g. "
                    + "\"dev\": {\"region\": \"eu-west-1\"}.");
        }
        envs.ifPresent(node -> orderedKeys(map.get("environments")).forEach(name -> {
            if (!EnvironmentConfig.NAME.matcher(name).matches()) {
                problems.add(node.path(name) + " is not a valid environment name: use 1-12 lower-case letters and "
                        + "digits starting with a letter, e.g. dev (it becomes part of every resource name).");
                return;
            }
            Object settings = ((Map<?, ?>) map.get("environments")).get(name);
            if (!(settings instanceof Map<?, ?> values)) {
                node.problem(name, "make it an object of settings such as {\"region\": \"eu-west-1\"}");
                return;
            }
            environment(name, new ConfigNode(node.path(name), values, problems), problems)
                    .ifPresent(e -> environments.put(name, e));
        }));
        List<String> names = envs.isPresent() ? orderedKeys(map.get("environments")) : List.of();
        Optional<PipelineConfig> pipeline = PipelineConfigParser.parse(root, names, problems);
        if (!problems.isEmpty()) {
            throw new SynthException(problems);
        }
        return new MovieRecConfig(environments, pipeline);
    }

    private static List<String> orderedKeys(Object object) {
        return ((Map<?, ?>) object).keySet().stream().map(String::valueOf).collect(Collectors.toList());
    }

    private static Optional<EnvironmentConfig> environment(String name, ConfigNode env, List<String> problems) {
        int before = problems.size();
        env.rejectUnknownKeys(ENVIRONMENT_KEYS);
        Optional<String> account = env.text("account", AwsPatterns.ACCOUNT, "set the 12-digit AWS account id as a "
                + "string, e.g. \"123456789012\", or leave it out to use the account of your credentials");
        Optional<String> region = env.text("region", AwsPatterns.REGION,
                "set an AWS region code such as \"eu-west-1\"");
        String dataset = env.text("dataset", Pattern.compile(String.join("|", DATASETS).replace("-", "\\-")),
                "set one of " + String.join(", ", DATASETS)).orElse("ml-100k");
        String preparedDataDir = env.text("preparedDataDir", NON_BLANK, "set the data-prep output directory, "
                + "relative to the repository root, or leave it out for data/prepared/<dataset>")
                .orElse(EnvironmentConfig.defaultPreparedDataDir(dataset));
        String eventType = env.text("eventType", EVENT_TYPE, "set the EVENT_TYPE data-prep wrote (its "
                + "--event-type, default \"Watch\"): letters, digits, '_' or '-', at most 50").orElse("Watch");
        RecipeSelection recipes = recipes(env, problems);
        CampaignSettings campaign = campaign(env);
        TrainingSettings training = training(env);
        boolean retain = env.flag("retainDataOnDestroy").orElse(true);
        ApiSettings api = ApiSettingsParser.parse(env, problems);
        QualityGateSettings qualityGate = QualityGateParser.parse(env, recipes, problems);
        MonitoringSettings monitoring = MonitoringSettingsParser.parse(env, region, problems);
        RetrainingSettings retraining = retraining(env, training);
        BatchRecommendationSettings batch = batchRecommendations(env, recipes);
        CostAllocationTags tags = CostAllocationTagsParser.parse(env, name, problems);
        if (problems.size() > before || recipes == null || api == null) {
            return Optional.empty();
        }
        return Optional.of(new EnvironmentConfig(name, account, region, dataset, preparedDataDir, eventType,
                recipes, campaign, training, retain, api, qualityGate, monitoring, retraining, batch, tags));
    }

    private static RecipeSelection recipes(ConfigNode env, List<String> problems) {
        if (!env.has("recipes")) {
            return RecipeSelection.defaults();
        }
        Optional<ConfigNode> node = env.object("recipes", "make it an object such as {\"userPersonalization\": \""
                + Recipe.USER_PERSONALIZATION_V2.id() + "\"}");
        if (node.isEmpty()) {
            if (env.isNull("recipes")) {
                problems.add(env.path("recipes") + " is null: list the recipes to deploy, or leave the key out for "
                        + "the defaults.");
            }
            return null;
        }
        ConfigNode recipes = node.get();
        recipes.rejectUnknownKeys(Arrays.stream(RecipeSlot.values()).map(RecipeSlot::configKey)
                .collect(Collectors.toSet()));
        Map<RecipeSlot, Recipe> selected = new EnumMap<>(RecipeSlot.class);
        boolean valid = true;
        for (RecipeSlot slot : RecipeSlot.values()) {
            String key = slot.configKey();
            if (recipes.isNull(key)) {
                continue;
            }
            if (!recipes.has(key)) {
                selected.put(slot, Recipe.defaultFor(slot));
                continue;
            }
            Optional<Recipe> recipe = recipe(recipes, slot);
            recipe.ifPresent(r -> selected.put(slot, r));
            valid &= recipe.isPresent();
        }
        if (valid && selected.isEmpty()) {
            problems.add(recipes.path() + " selects no recipe: set at least one of "
                    + Arrays.stream(RecipeSlot.values()).map(RecipeSlot::configKey)
                    .collect(Collectors.joining(", ")) + " to a recipe.");
            return null;
        }
        return valid ? new RecipeSelection(selected) : null;
    }

    private static Optional<Recipe> recipe(ConfigNode recipes, RecipeSlot slot) {
        String key = slot.configKey();
        List<String> choices = Recipe.forSlot(slot).stream().map(r -> "\"" + r.id() + "\"").toList();
        String fix = "set one of " + String.join(", ", choices) + ", or null to deploy no " + key + " campaign";
        Optional<String> id = recipes.text(key, ANY, fix);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (RetiredFeatures.isRetiredRecipe(id.get())) {
            recipes.problem(key, "HRNN recipes are retired in Amazon Personalize; use \""
                    + RetiredFeatures.REPLACEMENT + "\", which replaces them");
            return Optional.empty();
        }
        Optional<Recipe> recipe = Recipe.byId(id.get()).filter(r -> r.slot() == slot);
        if (recipe.isEmpty()) {
            recipes.problem(key, fix);
        }
        return recipe;
    }

    private static CampaignSettings campaign(ConfigNode env) {
        Optional<ConfigNode> node = env.object("campaign", "make it an object such as {\"minProvisionedTPS\": 1}");
        int tps = node.flatMap(campaign -> {
            campaign.rejectUnknownKeys(Set.of("minProvisionedTPS"));
            return campaign.wholeNumber("minProvisionedTPS", 1, Integer.MAX_VALUE, "set a whole number of 1 or "
                    + "more (each campaign is provisioned, and billed, for at least this many requests per second)");
        }).orElse(CampaignSettings.DEFAULT_MIN_PROVISIONED_TPS);
        return new CampaignSettings(tps);
    }

    private static TrainingSettings training(ConfigNode env) {
        Optional<ConfigNode> node = env.object("training", "make it an object such as {\"hpo\": false}");
        ConfigNode training = node.orElseGet(() -> new ConfigNode(env.path("training"), Map.of(), new ArrayList<>()));
        training.rejectUnknownKeys(TRAINING_KEYS);
        boolean hpo = training.flag("hpo").orElse(false);
        boolean autoTraining = training.flag("autoTraining").orElse(false);
        String schedule = schedule(training, "autoTrainingSchedule", Schedules.FIX)
                .orElse(TrainingSettings.DEFAULT_SCHEDULE);
        int timeoutHours = training.wholeNumber("timeoutHours", 1, TrainingSettings.MAX_TIMEOUT_HOURS,
                "set a whole number of hours from 1 to 12 (a CloudFormation WaitCondition waits at most 12 hours)")
                .orElse(TrainingSettings.DEFAULT_TIMEOUT_HOURS);
        int pollSeconds = training.wholeNumber("pollSeconds", 10, 900,
                "set a whole number of seconds from 10 to 900").orElse(TrainingSettings.DEFAULT_POLL_SECONDS);
        return new TrainingSettings(hpo, autoTraining, schedule, Duration.ofHours(timeoutHours), pollSeconds);
    }

    private static RetrainingSettings retraining(ConfigNode env, TrainingSettings training) {
        Optional<ConfigNode> node = env.object("retraining", "make it an object such as {\"schedule\": \"rate(7 "
                + "days)\"}");
        Optional<String> schedule = node.flatMap(retraining -> {
            retraining.rejectUnknownKeys(Set.of("schedule"));
            return schedule(retraining, "schedule", Schedules.FIX + ", or null for no scheduled retraining");
        });
        if (schedule.isPresent() && training.autoTraining()) {
            node.get().problem("schedule", "training.autoTraining is true too, and both would retrain the solutions; "
                    + "choose one: set retraining.schedule to null to keep Personalize's auto-training, or "
                    + "training.autoTraining to false to retrain on this schedule behind the quality gate");
            return RetrainingSettings.none();
        }
        return new RetrainingSettings(schedule);
    }

    private static BatchRecommendationSettings batchRecommendations(ConfigNode env, RecipeSelection recipes) {
        Optional<ConfigNode> node = env.object("batchRecommendations", "make it an object such as {\"schedule\": "
                + "null, \"numResults\": 25}");
        if (node.isEmpty()) {
            return BatchRecommendationSettings.defaults();
        }
        ConfigNode batch = node.get();
        batch.rejectUnknownKeys(Set.of("schedule", "numResults"));
        Optional<String> schedule = schedule(batch, "schedule", Schedules.FIX + ", or null to run it on demand only");
        if (schedule.isPresent() && recipes != null && recipes.recipe(RecipeSlot.USER_PERSONALIZATION).isEmpty()) {
            batch.problem("schedule", "batch recommendations come from the userPersonalization solution, and "
                    + "recipes.userPersonalization is null; set the schedule to null or deploy a userPersonalization "
                    + "recipe");
            schedule = Optional.empty();
        }
        int numResults = batch.wholeNumber("numResults", 1, BatchRecommendationSettings.MAX_NUM_RESULTS, "set a whole "
                + "number of recommendations per user from 1 to " + BatchRecommendationSettings.MAX_NUM_RESULTS
                + " (the most a batch inference job returns)").orElse(BatchRecommendationSettings.DEFAULT_NUM_RESULTS);
        return new BatchRecommendationSettings(schedule, numResults);
    }

    private static Optional<String> schedule(ConfigNode node, String key, String fix) {
        return node.text(key, ANY, fix).filter(s -> Schedules.isValid(s) || reject(node, key, fix));
    }

    private static boolean reject(ConfigNode node, String key, String fix) {
        node.problem(key, fix);
        return false;
    }
}
