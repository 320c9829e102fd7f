package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.data.UserEvents;
import com.movierec.local.personalize.engine.state.Campaign;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.Filter;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.filter.FilterValuesException;
import com.movierec.local.personalize.recipe.Recipe;
import com.movierec.local.personalize.recipe.RecipeType;
import com.movierec.local.personalize.recipe.Recommendations;
import com.movierec.local.personalize.recipe.TrainedModel;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GetRecommendations and GetPersonalizedRanking: the campaign's current model, the user's history now (so an
 * event recorded a moment ago counts) and the filter bound to this request. Takes no lock. Identical
 * GetRecommendations requests on unchanged data are answered from an {@link AnswerCache}.
 */
public final class Recommender {
    static final int DEFAULT_RESULTS = 25;
    static final int MAX_RESULTS = 500;
    private static final int MAX_INPUT_LIST = 500;

    private final EngineContext ctx;
    private final AnswerCache cache;

    Recommender(EngineContext ctx) {
        this.ctx = ctx;
        this.cache = new AnswerCache(ctx.settings.answerCache());
    }

    /**
     * @param userId     required for user personalization (except popularity), optional for related items
     *                   (its history then feeds the filter)
     * @param itemId     required for related items
     * @param numResults null for 25
     */
    public RuntimeAnswer recommend(String campaignArn, String userId, String itemId, Integer numResults,
                                   String filterArn, Map<String, String> filterValues) {
        Serving serving = serving(campaignArn);
        int n = numResults == null ? DEFAULT_RESULTS : numResults;
        if (n > MAX_RESULTS) { // the model sets only the minimum, 0
            throw Validation.failed("numResults", n, "Member must be between 0 and " + MAX_RESULTS);
        }
        Recipe recipe = serving.model().recipe();
        if (recipe.type() == RecipeType.USER_PERSONALIZATION && userId == null && recipe != Recipe.POPULARITY_COUNT) {
            throw PersonalizeException.invalidInput("userId is required: campaign " + campaignArn + " serves "
                    + recipe.recipeName() + ", a USER_PERSONALIZATION recipe.");
        }
        if (recipe.type() == RecipeType.RELATED_ITEMS && (itemId == null || itemId.isEmpty())) {
            throw PersonalizeException.invalidInput("itemId is required: campaign " + campaignArn + " serves "
                    + recipe.recipeName() + ", a RELATED_ITEMS recipe.");
        }
        if (recipe.type() == RecipeType.PERSONALIZED_RANKING) {
            throw PersonalizeException.invalidInput("Campaign " + campaignArn + " serves " + recipe.recipeName()
                    + ", a PERSONALIZED_RANKING recipe: call GetPersonalizedRanking.");
        }
        UserEvents user = events(serving.group(), userId);
        Filter filter = filter(serving.group(), filterArn);
        ItemCatalog items = serving.group().activity().items();
        Map<String, String> values = filterValues == null ? Map.of() : filterValues;
        String item = recipe.type() == RecipeType.RELATED_ITEMS ? itemId : null;
        AnswerCache.Key key = new AnswerCache.Key(serving.model(), user, items, filter, values, item, n);
        return cache.get(key, () -> {
            Predicate<String> allowed = allowed(filter, items, user, values);
            Recommendations answer = item != null
                    ? serving.model().similarItems(item, n, allowed)
                    : serving.model().recommend(user.items(), n, allowed);
            return new RuntimeAnswer(answer.items(), recipe.type() == RecipeType.USER_PERSONALIZATION
                    && recipe != Recipe.POPULARITY_COUNT);
        });
    }

    /** GetPersonalizedRanking: {@code inputList} ordered for the user, without what the filter removes. */
    public RuntimeAnswer rank(String campaignArn, String userId, List<String> inputList, String filterArn,
                              Map<String, String> filterValues) {
        // The model bounds neither; Personalize ranks 1 to 500 items.
        if (inputList.isEmpty() || inputList.size() > MAX_INPUT_LIST) {
            throw Validation.failed("inputList", inputList.size() + " items",
                    "Member must have between 1 and " + MAX_INPUT_LIST + " items");
        }
        Serving serving = serving(campaignArn);
        Recipe recipe = serving.model().recipe();
        if (recipe.type() != RecipeType.PERSONALIZED_RANKING) {
            throw PersonalizeException.invalidInput("Campaign " + campaignArn + " serves " + recipe.recipeName()
                    + ", a " + recipe.type() + " recipe: call GetRecommendations.");
        }
        UserEvents user = events(serving.group(), userId);
        Predicate<String> allowed = allowed(filter(serving.group(), filterArn), serving.group().activity().items(),
                user, filterValues == null ? Map.of() : filterValues);
        return new RuntimeAnswer(serving.model().rank(user.items(), inputList, allowed).items(), true);
    }

    /**
     * One input of a batch inference job: the solution version's model (no campaign, no cache) on its group's data
     * now, with the job's filter (already checked: ACTIVE, of the version's group; null for none) bound to the line's
     * {@code filterValues}. Which members a line needs follows the recipe type as the runtime calls do.
     *
     * @param itemList the items to rank, for PERSONALIZED_RANKING; null otherwise
     * @throws PersonalizeException InvalidInputException when the line lacks what the recipe needs
     */
    RuntimeAnswer batch(SolutionVersion version, Filter filter, String userId, String itemId, List<String> itemList,
                        int numResults, Map<String, String> filterValues) {
        TrainedModel model = version.model();
        Recipe recipe = model.recipe();
        DatasetGroup group = ctx.store.groups.require(version.solution().groupArn());
        UserEvents user = events(group, userId);
        Predicate<String> allowed = allowed(filter, group.activity().items(), user,
                filterValues == null ? Map.of() : filterValues);
        return switch (recipe.type()) {
            case USER_PERSONALIZATION -> {
                if (userId == null && recipe != Recipe.POPULARITY_COUNT) {
                    throw PersonalizeException.invalidInput("userId is required: " + recipe.recipeName()
                            + " is a USER_PERSONALIZATION recipe.");
                }
                yield new RuntimeAnswer(model.recommend(user.items(), numResults, allowed).items(),
                        recipe != Recipe.POPULARITY_COUNT);
            }
            case RELATED_ITEMS -> {
                if (itemId == null || itemId.isEmpty()) {
                    throw PersonalizeException.invalidInput("itemId is required: " + recipe.recipeName()
                            + " is a RELATED_ITEMS recipe.");
                }
                yield new RuntimeAnswer(model.similarItems(itemId, numResults, allowed).items(), false);
            }
            case PERSONALIZED_RANKING -> {
                if (itemList == null || itemList.isEmpty() || itemList.size() > MAX_INPUT_LIST) {
                    throw PersonalizeException.invalidInput("itemList must hold 1 to " + MAX_INPUT_LIST
                            + " items: " + recipe.recipeName() + " is a PERSONALIZED_RANKING recipe.");
                }
                yield new RuntimeAnswer(model.rank(user.items(), itemList, allowed).items(), true);
            }
        };
    }

    /** Drops every kept answer (after a reset they would only hold on to forgotten data). */
    void forget() {
        cache.clear();
    }

    /** A campaign's model and the group whose live data it reads. */
    private record Serving(TrainedModel model, DatasetGroup group) {
    }

    private Serving serving(String campaignArn) {
        Campaign campaign = ctx.store.campaigns.find(campaignArn)
                .orElseThrow(() -> PersonalizeException.notFound(campaignArn));
        if (!Status.ACTIVE.equals(campaign.status())) {
            throw new PersonalizeException(ErrorType.RESOURCE_NOT_FOUND, "Campaign " + campaignArn + " is "
                    + campaign.status() + "; it serves recommendations once it is ACTIVE.");
        }
        Campaign.Settings settings = campaign.settings();
        DatasetGroup group = ctx.store.groups.require(settings.version().solution().groupArn());
        return new Serving(settings.version().model(), group);
    }

    private static UserEvents events(DatasetGroup group, String userId) {
        return userId == null ? UserEvents.empty() : group.activity().history().events(userId);
    }

    /** The request's filter, checked: ACTIVE and of the campaign's dataset group; null without a filterArn. */
    private Filter filter(DatasetGroup group, String filterArn) {
        if (filterArn == null) {
            return null;
        }
        Filter filter = ctx.store.filters.find(filterArn).orElseThrow(() -> PersonalizeException.notFound(filterArn));
        if (!Status.ACTIVE.equals(filter.status())) {
            throw PersonalizeException.invalidInput("Filter " + filterArn + " is " + filter.status()
                    + "; use it once it is ACTIVE.");
        }
        if (!filter.groupArn().equals(group.arn())) {
            throw PersonalizeException.invalidInput("Filter " + filterArn + " belongs to dataset group "
                    + filter.groupArn() + ", not to the campaign's " + group.arn() + ".");
        }
        return filter;
    }

    /** The filter bound to this request's user and values; everything passes without a filter. */
    private static Predicate<String> allowed(Filter filter, ItemCatalog items, UserEvents user,
                                             Map<String, String> filterValues) {
        if (filter == null) {
            return item -> true;
        }
        try {
            return filter.expression().candidates(items, user, filterValues);
        } catch (FilterValuesException e) {
            throw PersonalizeException.invalidInput(e.getMessage());
        }
    }
}
