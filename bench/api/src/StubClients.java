import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsResponse;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingResponse;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * In-process Personalize clients that answer at once with real SDK response objects: what is left of a request's
 * time is the API's own work (routing, validation, catalog joins, JSON, logging).
 */
final class StubClients {
    private StubClients() {
    }

    static PersonalizeRuntimeClient runtime() {
        return new PersonalizeRuntimeClient() {
            @Override
            public GetRecommendationsResponse getRecommendations(GetRecommendationsRequest request) {
                List<PredictedItem> items = new ArrayList<>();
                for (int i = 1; i <= request.numResults(); i++) {
                    items.add(PredictedItem.builder().itemId(Integer.toString(i)).score(1.0 / i).build());
                }
                return GetRecommendationsResponse.builder().itemList(items).recommendationId("RID-bench").build();
            }

            @Override
            public GetPersonalizedRankingResponse getPersonalizedRanking(GetPersonalizedRankingRequest request) {
                List<PredictedItem> items = new ArrayList<>();
                for (String id : request.inputList()) {
                    items.add(PredictedItem.builder().itemId(id).score(0.5).build());
                }
                return GetPersonalizedRankingResponse.builder().personalizedRanking(items).recommendationId("RID-bench").build();
            }

            @Override
            public String serviceName() {
                return "personalize";
            }

            @Override
            public void close() {
            }
        };
    }

    static PersonalizeEventsClient events() {
        return new PersonalizeEventsClient() {
            @Override
            public PutEventsResponse putEvents(PutEventsRequest request) {
                return PutEventsResponse.builder().build();
            }

            @Override
            public String serviceName() {
                return "personalize";
            }

            @Override
            public void close() {
            }
        };
    }
}
