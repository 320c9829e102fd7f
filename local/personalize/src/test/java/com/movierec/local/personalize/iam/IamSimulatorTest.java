package com.movierec.local.personalize.iam;

import static com.movierec.local.personalize.iam.PolicyDocuments.allow;
import static com.movierec.local.personalize.iam.PolicyDocuments.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Node.js helper process: its answers, its cache, and its errors (which must never read as denials). */
class IamSimulatorTest {
    private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/reader/fn";
    private static final String SCHEMA = "arn:aws:personalize:us-east-1:123456789012:schema/movies";

    // Its own process, so the cache counts only this class's requests.
    private static IamSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = IamSimulator.start(IamSimulator.locateRoot());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static SimulationRequest request(String action, String resource, String allowedAction) {
        return new SimulationRequest(SESSION, action, resource, "123456789012", Map.of(),
                List.of(new NamedPolicy("Inline", policy(allow(allowedAction, "*")))), null);
    }

    @Test
    void theSameRequestTwiceIsEvaluatedOnce() {
        SimulationRequest request = request("personalize:DescribeSchema", SCHEMA, "personalize:Describe*");
        int before = simulator.evaluations();

        PolicyDecision first = simulator.evaluate(request);
        PolicyDecision second = simulator.evaluate(new SimulationRequest(request.principal(), request.action(),
                request.resource(), request.resourceAccount(), Map.of(), request.identityPolicies(), null));

        assertThat(first.allowed()).isTrue();
        assertThat(second).isEqualTo(first);
        assertThat(simulator.evaluations() - before).isEqualTo(1);
    }

    @Test
    void aBatchEvaluatesEachDistinctRequestOnceAndAnswersInOrder() {
        SimulationRequest allowed = request("personalize:DeleteSchema", SCHEMA, "personalize:DeleteSchema");
        SimulationRequest denied = request("personalize:CreateSchema", SCHEMA, "personalize:DeleteSchema");
        int before = simulator.evaluations();

        List<PolicyDecision> decisions = simulator.evaluateAll(List.of(allowed, denied, allowed, denied));

        assertThat(decisions).extracting(PolicyDecision::result).containsExactly(PolicyDecision.Result.ALLOWED,
                PolicyDecision.Result.IMPLICITLY_DENIED, PolicyDecision.Result.ALLOWED,
                PolicyDecision.Result.IMPLICITLY_DENIED);
        assertThat(simulator.evaluations() - before).isEqualTo(2);
    }

    @Test
    void aRequestDifferingOnlyInContextIsEvaluatedAgain() {
        String role = "arn:aws:iam::123456789012:role/service";
        List<NamedPolicy> passRole = List.of(new NamedPolicy("PassRole", policy("""
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "%s",
                 "Condition": {"StringEquals": {"iam:PassedToService": "personalize.amazonaws.com"}}}"""
                .formatted(role))));
        int before = simulator.evaluations();

        PolicyDecision toPersonalize = simulator.evaluate(new SimulationRequest(SESSION, "iam:PassRole", role,
                "123456789012", Map.of("iam:PassedToService", "personalize.amazonaws.com"), passRole, null));
        PolicyDecision toLambda = simulator.evaluate(new SimulationRequest(SESSION, "iam:PassRole", role,
                "123456789012", Map.of("iam:PassedToService", "lambda.amazonaws.com"), passRole, null));

        assertThat(toPersonalize.allowed()).isTrue();
        assertThat(toLambda.allowed()).isFalse();
        assertThat(simulator.evaluations() - before).isEqualTo(2);
    }

    @Test
    void anActionWithoutResourceTypesIsEvaluatedOnStarAndSaysSo() {
        PolicyDecision decision = simulator.evaluate(new SimulationRequest(SESSION, "personalize:ListSchemas",
                SCHEMA, "123456789012", Map.of(),
                List.of(new NamedPolicy("Inline", policy(allow("personalize:ListSchemas", SCHEMA)))), null));

        assertThat(decision.wildcardOnly()).isTrue();
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.denials()).containsExactly(new PolicyDecision.Denial("identity", false));
    }

    @Test
    void aResourceOfATypeTheActionDoesNotTakeIsAnErrorNotADenial() {
        String group = "arn:aws:personalize:us-east-1:123456789012:dataset-group/movies";

        assertThatThrownBy(() -> simulator.evaluate(request("personalize:CreateSchema", group, "*")))
                .isInstanceOf(UnevaluableRequestException.class)
                .hasMessageContaining("personalize:CreateSchema").hasMessageContaining(group);
    }

    @Test
    void anActionIamDoesNotKnowIsAnErrorNotADenial() {
        assertThatThrownBy(() -> simulator.evaluate(request("personalize:CreateRecommendation", "*", "*")))
                .isInstanceOf(UnevaluableRequestException.class)
                .hasMessageContaining("personalize:CreateRecommendation");
    }

    @Test
    void aStoppedSimulatorIsReportedAsSuchNotAsADenial() {
        IamSimulator stopped = IamSimulator.start(IamSimulator.locateRoot());
        stopped.close();

        assertThatThrownBy(() -> stopped.evaluate(request("personalize:DescribeSchema", SCHEMA, "*")))
                .isInstanceOf(IamSimulatorException.class)
                .hasMessageContaining("IAM simulator");
    }

    @Test
    void theRepositoryIsFoundFromTheWorkingDirectoryAndAMissingInstallIsNamed() {
        assertThat(IamSimulator.locateRoot().resolve(IamSimulator.SCRIPT)).isRegularFile();

        String previous = System.getProperty(IamSimulator.ROOT_PROPERTY);
        System.setProperty(IamSimulator.ROOT_PROPERTY, System.getProperty("java.io.tmpdir"));
        try {
            assertThatThrownBy(IamSimulator::locateRoot).isInstanceOf(IamSimulatorException.class)
                    .hasMessageContaining("npm ci");
        } finally {
            if (previous == null) {
                System.clearProperty(IamSimulator.ROOT_PROPERTY);
            } else {
                System.setProperty(IamSimulator.ROOT_PROPERTY, previous);
            }
        }
    }
}
