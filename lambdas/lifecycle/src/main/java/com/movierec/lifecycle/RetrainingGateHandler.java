package com.movierec.lifecycle;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Sleeper;
import com.movierec.lifecycle.resources.QualityGateCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The scheduled retraining's quality gate, a step of the {@code movierec-<env>-retraining} state machine: the same
 * check a deploy's {@code Custom::PersonalizeSolutionMetrics} makes ({@link QualityGateCheck}), on a version the
 * workflow trained. Handler {@code com.movierec.lifecycle.RetrainingGateHandler::handleRequest}.
 *
 * <p>Input {@code {"solutionVersionArn": "...", "campaignArn": "...", "gate": {"minimums": {...}, "maxRegression":
 * 0.05} or null}}; output {@code {"passed": true|false, "violations": ["metric ... is 0.0812, below ..."],
 * "cause": "<version name>: <violations joined by '; '>" (empty when passed), "solutionVersionArn", "metrics"}}. A
 * failed gate is an answer, not an error: the workflow fails the slot with {@code cause} and leaves the campaign be.
 */
public final class RetrainingGateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainingGateHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QualityGateCheck check;

    /** Lambda's constructor: the client from the environment, built once. */
    public RetrainingGateHandler() {
        this(AwsClients.personalize(), Sleeper.SYSTEM);
    }

    /** For tests, which bring their own client and clock. */
    public RetrainingGateHandler(PersonalizeClient personalize, Sleeper sleeper) {
        this.check = new QualityGateCheck(personalize, new Retry(sleeper));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return PowertoolsLogging.withLogging(context, () -> check(input));
    }

    private Map<String, Object> check(Map<String, Object> input) {
        String version = arn(input, "solutionVersionArn");
        String campaign = arn(input, "campaignArn");
        Optional<JsonNode> gate = Optional.ofNullable(input.get("gate")).map(JSON::valueToTree);
        QualityGateCheck.Result result = check.check(gate, version, Optional.of(campaign));
        LOG.info(result.passed() ? "the new version passes the gate" : "the new version fails the gate",
                entry("arn", version), entry("campaign", campaign), entry("violations", result.violations()));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("passed", result.passed());
        output.put("violations", result.violations());
        output.put("cause", result.passed() ? "" : Arns.resourceName(version) + ": "
                + String.join("; ", result.violations()));
        output.put("solutionVersionArn", version);
        output.put("metrics", result.metrics());
        return output;
    }

    private static String arn(Map<String, Object> input, String key) {
        Object value = input == null ? null : input.get(key);
        if (value instanceof String text && Arns.isArn(text)) {
            return text;
        }
        throw new IllegalArgumentException("the retraining gate needs " + key + ", an ARN, not " + value);
    }
}
