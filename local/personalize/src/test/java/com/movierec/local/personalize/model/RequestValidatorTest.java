package com.movierec.local.personalize.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator on Personalize's real models, with AWS's messages spelled out in full. */
class RequestValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PersonalizeModels models = PersonalizeModels.load();

    @Test
    void everyBrokenConstraintIsReportedWithItsMembersPathInModelOrder() {
        assertThat(message("personalize", "CreateSolution", """
                {"name": "a b", "datasetGroupArn": "arn:aws:personalize:us-east-1:000000000000:dataset-group/g",
                 "solutionConfig": {"hpoConfig": {"hpoObjective": {"type": "%s"}}}}""".formatted("x".repeat(257))))
                .isEqualTo("2 validation errors detected: Value 'a b' at 'name' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*; Value '"
                        + "x".repeat(257) + "' at 'solutionConfig.hpoConfig.hpoObjective.type' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 256");
    }

    @Test
    void aMissingOrNullRequiredMemberMustNotBeNullAndListElementsAreNumberedFromOne() {
        assertThat(message("personalize", "CreateSolution", "{\"name\": \"-bad\"}"))
                .isEqualTo("2 validation errors detected: Value '-bad' at 'name' failed to satisfy constraint: Member "
                        + "must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*; Value null at "
                        + "'datasetGroupArn' failed to satisfy constraint: Member must not be null");
        assertThat(message("personalize-events", "PutEvents", """
                {"trackingId": "t", "sessionId": null,
                 "eventList": [{"eventType": "Watch", "sentAt": 1700000000}, {"sentAt": 1700000000}]}"""))
                .isEqualTo("2 validation errors detected: Value null at 'sessionId' failed to satisfy constraint: "
                        + "Member must not be null; Value null at 'eventList.2.member.eventType' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void aSensitiveValueIsLeftOutOfTheMessage() {
        assertThat(message("personalize-events", "PutEvents", """
                {"trackingId": "t", "sessionId": "s", "userId": "%s",
                 "eventList": [{"eventType": "Watch", "sentAt": 1700000000}]}""".formatted("u".repeat(257))))
                .isEqualTo("1 validation error detected: Value at 'userId' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 256");
    }

    @Test
    void patternsMatchTheWholeValueNotAPrefix() {
        String request = """
                {"name": "%s", "datasetGroupArn": "arn:aws:personalize:us-east-1:000000000000:dataset-group/g"}""";
        assertThat(violations("personalize", "CreateEventTracker", request.formatted("ok-name_1"))).isEmpty();
        assertThat(message("personalize", "CreateEventTracker", request.formatted("ok-name!")))
                .contains("Value 'ok-name!' at 'name' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern");
    }

    @Test
    void aValueLongerThanItsMaximumIsRefusedForItsLengthWithoutMatchingItsPattern() {
        String source = "!".repeat(4096) + "é"; // against this pattern, a match would backtrack for minutes
        assertThat(message("personalize-events", "PutEvents", """
                {"trackingId": "t", "sessionId": "s", "eventList": [{"eventType": "Watch", "sentAt": 1700000000,
                 "metricAttribution": {"eventAttributionSource": "%s"}}]}""".formatted(source)))
                .isEqualTo("1 validation error detected: Value '" + source + "' at "
                        + "'eventList.1.member.metricAttribution.eventAttributionSource' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1024");
    }

    @Test
    void enumsAndNumberRangesAreChecked() {
        assertThat(message("personalize", "CreateDatasetImportJob", """
                {"jobName": "j", "datasetArn": "arn:aws:personalize:us-east-1:000000000000:dataset/g/INTERACTIONS",
                 "dataSource": {"dataLocation": "s3://b/k"}, "importMode": "full"}"""))
                .isEqualTo("1 validation error detected: Value 'full' at 'importMode' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [FULL, INCREMENTAL]");
        assertThat(message("personalize", "ListSolutions", "{\"maxResults\": 101}"))
                .isEqualTo("1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100");
    }

    @Test
    void badScalarsInAListAreReportedOnceForTheListWithTheElementsConstraintSet() {
        assertThat(message("personalize", "UntagResource", """
                {"resourceArn": "arn:aws:personalize:us-east-1:000000000000:campaign/c", "tagKeys": ["ok", "no!"]}"""))
                .isEqualTo("1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member "
                        + "must satisfy constraint: [Member must have length less than or equal to 128, Member must "
                        + "have length greater than or equal to 1, Member must satisfy regular expression pattern: "
                        + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]");
    }

    @Test
    void badMapKeysAreReportedForTheMapWithTheKeysConstraintSet() {
        assertThat(message("personalize-runtime", "GetRecommendations", """
                {"campaignArn": "arn:aws:personalize:us-east-1:000000000000:campaign/c",
                 "filterValues": {"GENRE": "\\"Drama\\"", "not a name": "\\"x\\""}}"""))
                .isEqualTo("1 validation error detected: Value at 'filterValues' failed to satisfy constraint: Map "
                        + "keys must satisfy constraint: [Member must have length less than or equal to 50, Member "
                        + "must satisfy regular expression pattern: [A-Za-z0-9_]+]");
    }

    @Test
    void membersTheModelDoesNotDeclareAreIgnoredAsTheServiceIgnoresThem() {
        assertThat(violations("personalize", "DescribeSchema", """
                {"schemaArn": "arn:aws:personalize:us-east-1:000000000000:schema/s", "fromANewerSdk": 1}""")).isEmpty();
    }

    @Test
    void aMemberOfTheWrongJsonTypeFailsBeforeAnyConstraintIsChecked() {
        assertThatThrownBy(() -> violations("personalize-runtime", "GetRecommendations", """
                {"campaignArn": "not an arn", "numResults": "5"}"""))
                .isInstanceOf(WireTypeException.class)
                .hasMessage("STRING_VALUE can not be converted to an Integer (member 'numResults').");
        assertThatThrownBy(() -> violations("personalize-runtime", "GetRecommendations", """
                {"campaignArn": "arn:aws:personalize:us-east-1:000000000000:campaign/c", "numResults": 2.5}"""))
                .isInstanceOf(WireTypeException.class)
                .hasMessage("NUMBER_VALUE can not be converted to an Integer (member 'numResults').");
        assertThatThrownBy(() -> violations("personalize", "CreateSolution", """
                {"name": "s", "datasetGroupArn": "arn:aws:personalize:us-east-1:000000000000:dataset-group/g",
                 "solutionConfig": ["not", "an", "object"]}"""))
                .isInstanceOf(WireTypeException.class)
                .hasMessage("Start of list found where not expected (member 'solutionConfig').");
    }

    private String message(String service, String operation, String json) {
        List<Violation> violations = violations(service, operation, json);
        assertThat(violations).as("violations of %s", json).isNotEmpty();
        return ValidationMessage.of(violations);
    }

    private List<Violation> violations(String service, String operation, String json) {
        ServiceModel model = models.service(service);
        return RequestValidator.validate(model, model.shape(model.operation(operation).orElseThrow().input()),
                parse(json));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
