package com.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.api.http.ErrorCode;
import com.movierec.api.openapi.OpenApiDocumentFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** openapi.yaml states the handler's limits; these keep the two from drifting apart. */
class ValidationMatchesOpenApiTest {
    private static final JsonNode DOC = OpenApiDocumentFile.document();

    @Test
    void idsHaveTheValidatedPatternAndLength() {
        JsonNode id = DOC.at("/components/schemas/Id");

        assertThat(id.path("pattern").asText()).isEqualTo(Validation.ID_PATTERN);
        assertThat(id.path("minLength").asInt()).isEqualTo(1);
        assertThat(id.path("maxLength").asInt()).isEqualTo(Validation.MAX_ID_LENGTH);
    }

    @Test
    void countHasTheValidatedRangeAndDefault() {
        JsonNode count = DOC.at("/components/parameters/Count/schema");

        assertThat(count.path("minimum").asInt()).isEqualTo(Validation.MIN_COUNT);
        assertThat(count.path("maximum").asInt()).isEqualTo(Validation.MAX_COUNT);
        assertThat(count.path("default").asInt()).isEqualTo(Validation.DEFAULT_COUNT);
        for (String list : List.of("UserRecommendations", "SimilarMovies", "PopularMovies")) {
            assertThat(DOC.at("/components/schemas/" + list + "/properties/items/maxItems").asInt())
                    .isEqualTo(Validation.MAX_COUNT);
        }
    }

    @Test
    void genreAndRankingLimitsAreTheValidatedOnes() {
        assertThat(DOC.at("/components/parameters/Genre/schema/maxLength").asInt()).isEqualTo(Validation.MAX_GENRE_LENGTH);
        JsonNode movieIds = DOC.at("/components/schemas/RankingRequest/properties/movieIds");
        assertThat(movieIds.path("minItems").asInt()).isEqualTo(1);
        assertThat(movieIds.path("maxItems").asInt()).isEqualTo(Validation.MAX_RANKING_IDS);
        assertThat(DOC.at("/components/schemas/Ranking/properties/items/maxItems").asInt())
                .isEqualTo(Validation.MAX_RANKING_IDS);
    }

    @Test
    void bodyLimitsAreTheValidatedOnesInTheExtensionAndTheDescription() {
        JsonNode rankings = DOC.at("/paths/~1users~1{userId}~1rankings/post/requestBody");
        JsonNode events = DOC.at("/paths/~1events/post/requestBody");

        assertThat(rankings.path("x-max-body-bytes").asInt()).isEqualTo(Validation.MAX_RANKING_BODY_BYTES);
        assertThat(rankings.path("description").asText()).contains(Integer.toString(Validation.MAX_RANKING_BODY_BYTES));
        assertThat(events.path("x-max-body-bytes").asInt()).isEqualTo(Validation.MAX_EVENT_BODY_BYTES);
        assertThat(events.path("description").asText()).contains(Integer.toString(Validation.MAX_EVENT_BODY_BYTES));
    }

    @Test
    void theErrorCodesAreExactlyTheHandlers() {
        List<String> documented = new ArrayList<>();
        DOC.at("/components/schemas/Error/properties/error/enum").forEach(code -> documented.add(code.asText()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Stream.of(ErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void theDocumentedOperationsAreExactlyTheRoutedEndpoints() {
        Set<String> documented = new TreeSet<>();
        for (var path : DOC.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Stream.of(Endpoint.values()).map(e -> e.method() + " " + e.template()).toList());
    }
}
