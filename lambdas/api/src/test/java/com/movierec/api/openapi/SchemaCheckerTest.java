package com.movierec.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The checker the contract test relies on finds each kind of violation. */
class SchemaCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaChecker checker = new SchemaChecker(OpenApiDocumentFile.document());

    @Test
    void aConformingMovieHasNoProblems() throws IOException {
        assertThat(checker.check(schema("Movie"),
                json("{\"movieId\":\"1\",\"title\":\"Toy Story\",\"year\":null,\"genres\":[\"Comedy\"]}"))).isEmpty();
    }

    @Test
    void missingRequiredWrongTypesExtraPropertiesAndBadIdsAreAllReported() throws IOException {
        JsonNode movie = json("{\"movieId\":\"../1\",\"title\":7,\"genres\":[\"Comedy\",3],\"rating\":5}");

        assertThat(checker.check(schema("Movie"), movie)).containsExactlyInAnyOrder(
                "$: the required property 'year' is missing",
                "$.movieId: '../1' does not match ^(?!\\.+$)[A-Za-z0-9_.:@-]{1,256}$",
                "$.title: expected string but got NUMBER",
                "$.genres[1]: expected string but got NUMBER",
                "$: 'rating' is not a documented property");
    }

    @Test
    void enumsNullsLimitsAndAllOfAreChecked() throws IOException {
        JsonNode badRequest = checker.resolve(OpenApiDocumentFile.document()
                .at("/components/responses/BadRequest/content/application~1json/schema"));

        assertThat(checker.check(badRequest, json("{\"error\":\"NOT_FOUND\",\"message\":\"x\",\"requestId\":\"r\"}")))
                .containsExactly("$.error: \"NOT_FOUND\" is not one of [\"BAD_REQUEST\"]");
        assertThat(checker.check(schema("Error"), json("{\"error\":\"OOPS\",\"message\":\"\",\"requestId\":null}")))
                .containsExactlyInAnyOrder("$.error: \"OOPS\" is not one of " + schema("Error").at("/properties/error/enum"),
                        "$.message: shorter than 1", "$.requestId: null is not allowed");
        assertThat(checker.check(schema("Accepted"), json("{\"accepted\":0}"))).containsExactly("$.accepted: 0 is below 1");
        assertThat(checker.check(schema("RankingRequest"), json("{\"movieIds\":[\"1\",\"1\"]}")))
                .containsExactly("$.movieIds: \"1\" appears more than once");
    }

    @Test
    void anUnsupportedKeywordFailsTheCheckInsteadOfBeingIgnored() throws IOException {
        assertThat(checker.check(json("{\"type\":\"string\",\"oneOf\":[]}"), json("\"x\"")))
                .containsExactly("$: the schema uses 'oneOf', which this checker does not support");
    }

    private static JsonNode schema(String name) {
        return OpenApiDocumentFile.document().path("components").path("schemas").path(name);
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
