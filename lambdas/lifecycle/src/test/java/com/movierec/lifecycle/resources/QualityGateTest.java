package com.movierec.lifecycle.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate's decisions on both sides of every bound. A value equal to its bound passes: a minimum is the lowest value
 * allowed, and maxRegression the largest drop allowed.
 */
class QualityGateTest {
    private static final String NDCG = "normalized_discounted_cumulative_gain_at_10";
    private static final String PRECISION = "precision_at_10";
    private static final String SERVED = "movierec-dev-user-personalization-1a2b3c4d/0a1b2c3d";

    @Nested
    class Minimums {
        private final QualityGate gate =
                gate("{\"minimums\": {\"" + NDCG + "\": 0.1, \"" + PRECISION + "\": \"0.05\"}}");

        @ParameterizedTest(name = "NDCG@10 {0} passes the minimum 0.1")
        @ValueSource(doubles = {0.1, 0.1001, 0.5, 1})
        void aValueAtOrAboveTheMinimumPasses(double ndcg) {
            assertThat(gate.violations(Map.of(NDCG, ndcg, PRECISION, 0.05), Optional.empty())).isEmpty();
        }

        @ParameterizedTest(name = "NDCG@10 {0} fails the minimum 0.1 as {1}")
        @CsvSource({"0.0999, 0.0999", "0.08, 0.08", "0, 0.00", "0.09996, 0.09996", "0.099999999, 0.099999999"})
        void aValueBelowTheMinimumFailsNamingTheMetricTheValueAndTheMinimum(double ndcg, String printed) {
            assertThat(gate.violations(Map.of(NDCG, ndcg, PRECISION, 0.05), Optional.empty())).containsExactly(
                    "metric " + NDCG + " is " + printed + ", below the minimum 0.10 for this environment");
        }

        @Test
        void everyMetricIsCheckedAndEachFailureIsOneSentence() {
            assertThat(gate.violations(Map.of(NDCG, 0.05, PRECISION, 0.0499), Optional.empty())).containsExactly(
                    "metric " + NDCG + " is 0.05, below the minimum 0.10 for this environment",
                    "metric " + PRECISION + " is 0.0499, below the minimum 0.05 for this environment");
        }

        @Test
        void aGatedMetricTheVersionDoesNotReportFails() {
            assertThat(gate.violations(Map.of(NDCG, 0.3, "coverage", 0.2), Optional.empty())).containsExactly(
                    "metric " + PRECISION + " is not reported for this solution version (it reports coverage, "
                            + NDCG + ")");
        }

        @Test
        void noGateChecksNothing() {
            QualityGate none = QualityGate.from(new Properties(CustomResourceType.SOLUTION_METRICS, Map.of()));

            assertThat(none.violations(Map.of(), Optional.empty())).isEmpty();
            assertThat(none.checksRegression()).isFalse();
        }
    }

    @Nested
    class Regression {
        /** 5% allowed below a served 0.1: the bound is exactly 0.095. */
        private final QualityGate gate = gate("{\"minimums\": {\"" + NDCG + "\": 0.05}, \"maxRegression\": 0.05}");
        private final Optional<QualityGate.Baseline> served = Optional.of(
                new QualityGate.Baseline(SERVED, Map.of(NDCG, 0.1, PRECISION, 0.04)));

        @ParameterizedTest(name = "NDCG@10 {0} against a served 0.1 passes")
        @ValueSource(doubles = {0.095, 0.0951, 0.1, 0.3})
        void aDropOfAtMostMaxRegressionPasses(double ndcg) {
            assertThat(gate.checksRegression()).isTrue();
            assertThat(gate.violations(Map.of(NDCG, ndcg), served)).isEmpty();
        }

        @Test
        void aDropOfMoreThanMaxRegressionFailsNamingTheValueTheDropTheServedValueAndTheBound() {
            assertThat(gate.violations(Map.of(NDCG, 0.0812), served)).containsExactly("metric " + NDCG
                    + " is 0.0812, 18.8% below the served version's 0.10 (" + SERVED + "), more than the 5.0% "
                    + "allowed (at least 0.095)");
        }

        @Test
        void aNearMissPrintsEnoughDecimalsToShowItIsBelow() {
            assertThat(gate.violations(Map.of(NDCG, 0.09499), served)).containsExactly("metric " + NDCG
                    + " is 0.09499, 5.01% below the served version's 0.10 (" + SERVED + "), more than the 5.0% "
                    + "allowed (at least 0.095)");
        }

        @Test
        void aVersionCanFailBothItsMinimumAndTheRegression() {
            assertThat(gate.violations(Map.of(NDCG, 0.04), served)).containsExactly(
                    "metric " + NDCG + " is 0.04, below the minimum 0.05 for this environment",
                    "metric " + NDCG + " is 0.04, 60.0% below the served version's 0.10 (" + SERVED + "), more than "
                            + "the 5.0% allowed (at least 0.095)");
        }

        @Test
        void onlyTheGatedMetricsAreCompared() {
            assertThat(gate.violations(Map.of(NDCG, 0.1, PRECISION, 0.001), served)).isEmpty();
        }

        @Test
        void withoutAServedVersionOnlyTheMinimumsCount() {
            assertThat(gate.violations(Map.of(NDCG, 0.051), Optional.empty())).isEmpty();
            assertThat(gate.violations(Map.of(NDCG, 0.049), Optional.empty())).hasSize(1);
        }

        @Test
        void aMetricTheServedVersionDoesNotReportCannotRegress() {
            Optional<QualityGate.Baseline> withoutNdcg = Optional.of(
                    new QualityGate.Baseline(SERVED, Map.of(PRECISION, 0.04)));

            assertThat(gate.violations(Map.of(NDCG, 0.051), withoutNdcg)).isEmpty();
        }

        @Test
        void aServedValueOfZeroLeavesNothingToDropFrom() {
            Optional<QualityGate.Baseline> zero = Optional.of(new QualityGate.Baseline(SERVED, Map.of(NDCG, 0.0)));

            assertThat(gate.violations(Map.of(NDCG, 0.05), zero)).isEmpty();
        }

        @Test
        void maxRegressionZeroAllowsNoDropAtAllButEqualPasses() {
            QualityGate strict = gate("{\"minimums\": {\"" + NDCG + "\": 0}, \"maxRegression\": \"0\"}");

            assertThat(strict.violations(Map.of(NDCG, 0.1), served)).isEmpty();
            assertThat(strict.violations(Map.of(NDCG, 0.0999), served)).containsExactly("metric " + NDCG
                    + " is 0.0999, 0.1% below the served version's 0.10 (" + SERVED + "), more than the 0.0% allowed "
                    + "(at least 0.10)");
        }

        @Test
        void maxRegressionOneAllowsAnyDrop() {
            QualityGate lenient = gate("{\"minimums\": {\"" + NDCG + "\": 0}, \"maxRegression\": 1}");

            assertThat(lenient.violations(Map.of(NDCG, 0.0), served)).isEmpty();
        }

        @Test
        void anExplicitNullMaxRegressionChecksNoRegression() {
            QualityGate none = gate("{\"minimums\": {\"" + NDCG + "\": 0.05}, \"maxRegression\": null}");

            assertThat(none.checksRegression()).isFalse();
            assertThat(none.violations(Map.of(NDCG, 0.06), served)).isEmpty();
        }
    }

    @Nested
    class Validation {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{\"" + NDCG + "\": 0.1}", "{\"minimums\": [0.1]}", "[]",
                "{\"minimums\": {}, \"maxRegresion\": 0.1}"})
        void aGateOfAnotherShapeIsRefusedWithTheShape(String json) {
            assertThatThrownBy(() -> gate(json)).isInstanceOf(Failure.class).hasMessage(
                    "Custom::PersonalizeSolutionMetrics property QualityGate must be {\"minimums\": {\"<metric>\": "
                            + "<number>, ...}, \"maxRegression\": <number from 0 to 1, optional>}");
        }

        @ParameterizedTest(name = "maxRegression {0}")
        @ValueSource(strings = {"-0.01", "1.01", "5"})
        void maxRegressionOutsideZeroToOneIsRefused(String value) {
            assertThatThrownBy(() -> gate("{\"minimums\": {\"" + NDCG + "\": 0.1}, \"maxRegression\": " + value + "}"))
                    .hasMessage("Custom::PersonalizeSolutionMetrics property QualityGate sets maxRegression to "
                            + value + ": use a fraction from 0 to 1 (0.05 allows 5% lower than the served version)");
        }

        @Test
        void aBoundThatIsNotANumberIsRefused() {
            assertThatThrownBy(() -> gate("{\"minimums\": {\"" + NDCG + "\": \"high\"}}"))
                    .hasMessage("Custom::PersonalizeSolutionMetrics property QualityGate sets the minimum of " + NDCG
                            + " to 'high', not a number");
            assertThatThrownBy(() -> gate("{\"minimums\": {\"" + NDCG + "\": 0.1}, \"maxRegression\": {}}"))
                    .hasMessage("Custom::PersonalizeSolutionMetrics property QualityGate sets maxRegression to '{}', "
                            + "not a number");
        }
    }

    @Test
    void printsAtLeastTwoAndAtMostFourDecimalsUnlessMoreAreNeededToDifferFromTheBound() {
        assertThat(QualityGate.format(0.08)).isEqualTo("0.08");
        assertThat(QualityGate.format(0.1)).isEqualTo("0.10");
        assertThat(QualityGate.format(0.09996)).isEqualTo("0.10");
        assertThat(QualityGate.format(0.0834)).isEqualTo("0.0834");
        assertThat(QualityGate.format(1)).isEqualTo("1.00");
        assertThat(QualityGate.format(0.09996, 0.1, 2, 4)).isEqualTo("0.09996");
        assertThat(QualityGate.format(5.04, 5, 1, 1)).isEqualTo("5.04");
        assertThat(QualityGate.format(5, 5.04, 1, 1)).isEqualTo("5.0");
    }

    private static QualityGate gate(String json) {
        return QualityGate.from(new Properties(CustomResourceType.SOLUTION_METRICS,
                Map.of(QualityGate.PROPERTY, json)));
    }
}
