package com.movierec.local.personalize.server.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.local.personalize.engine.Recommender;
import com.movierec.local.personalize.engine.RuntimeAnswer;
import com.movierec.local.personalize.recipe.ScoredItem;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.Protocol;
import com.movierec.local.personalize.server.RequestFields;
import com.movierec.local.personalize.server.Responses;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** personalize-runtime over REST-JSON: {@code POST /recommendations} and {@code POST /personalize-ranking}. */
public final class RuntimeApi {
    public static final String RECOMMENDATIONS = "/recommendations";
    public static final String RANKING = "/personalize-ranking";

    private final Recommender recommender;

    public RuntimeApi(Recommender recommender) {
        this.recommender = recommender;
    }

    /** GetRecommendations; {@code context} and {@code metadataColumns} are accepted and ignored. */
    public void recommendations(HttpExchange exchange, byte[] body) throws IOException {
        RequestFields r = new RequestFields(Json.parse(body));
        if (r.string("recommenderArn") != null) {
            throw PersonalizeException.invalidInput("personalize-local serves campaigns, not recommenders: pass a "
                    + "campaignArn.");
        }
        if (r.objects("promotions") != null) {
            throw PersonalizeException.invalidInput("personalize-local does not implement promotions.");
        }
        RuntimeAnswer answer = recommender.recommend(r.string("campaignArn"), r.string("userId"), r.string("itemId"),
                r.integer("numResults"), r.string("filterArn"), r.stringMap("filterValues"));
        Responses.json(exchange, Protocol.REST_JSON, 200, answer("itemList", answer));
    }

    /** GetPersonalizedRanking. */
    public void ranking(HttpExchange exchange, byte[] body) throws IOException {
        RequestFields r = new RequestFields(Json.parse(body));
        RuntimeAnswer answer = recommender.rank(r.string("campaignArn"), r.string("userId"), r.strings("inputList"),
                r.string("filterArn"), r.stringMap("filterValues"));
        Responses.json(exchange, Protocol.REST_JSON, 200, answer("personalizedRanking", answer));
    }

    /**
     * The item list and a recommendationId. Scores appear only for recipes Personalize scores, and not on items
     * added only to fill the list (score 0), which Personalize shows without a score.
     */
    private static ObjectNode answer(String listField, RuntimeAnswer answer) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray(listField);
        for (ScoredItem item : answer.items()) {
            ObjectNode n = items.addObject().put("itemId", item.itemId());
            if (answer.scored() && item.score() > 0) {
                n.put("score", item.score());
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return out.put("recommendationId", "RID-" + new UUID(random.nextLong(), random.nextLong()));
    }
}
