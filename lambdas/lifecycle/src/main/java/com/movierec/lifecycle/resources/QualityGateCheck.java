package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * The quality gate's check of one ACTIVE solution version, the same for a deploy ({@link SolutionMetricsResource})
 * and a scheduled retraining ({@code RetrainingGateHandler}): read the version's offline metrics, with the gate's
 * maxRegression read the version the campaign serves now and its metrics as the baseline, and list one sentence per
 * unmet bound ({@link QualityGate#violations}).
 */
public final class QualityGateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(QualityGateCheck.class);

    private final PersonalizeClient personalize;
    private final Retry retry;

    public QualityGateCheck(PersonalizeClient personalize, Retry retry) {
        this.personalize = personalize;
        this.retry = retry;
    }

    /**
     * @param metrics    the version's offline metrics, by Personalize's names
     * @param violations one sentence per unmet bound; empty when the version passes (or nothing is gated)
     */
    public record Result(Map<String, Double> metrics, List<String> violations) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    /**
     * Checks {@code versionArn} against a gate given as JSON ({@code {"minimums": {...}, "maxRegression": ...}}),
     * empty or JSON null for none.
     *
     * @param campaignArn the campaign that serves (or will serve) the version; required with maxRegression
     */
    public Result check(Optional<JsonNode> gate, String versionArn, Optional<String> campaignArn) {
        return check(QualityGate.from(gate), versionArn, campaignArn);
    }

    Result check(QualityGate gate, String versionArn, Optional<String> campaignArn) {
        Map<String, Double> metrics = metrics(versionArn);
        LOG.info("read the offline metrics", entry("arn", versionArn), entry("metrics", metrics));
        Optional<QualityGate.Baseline> served = Optional.empty();
        if (gate.checksRegression()) {
            served = servedVersion(campaignArn.orElseThrow(() -> new IllegalArgumentException("the gate of "
                    + versionArn + " has maxRegression but no campaign ARN to read the served version from")),
                    versionArn);
        }
        return new Result(metrics, gate.violations(metrics, served));
    }

    private Map<String, Double> metrics(String versionArn) {
        return new TreeMap<>(retry.call("GetSolutionMetrics", () -> personalize.getSolutionMetrics(
                GetSolutionMetricsRequest.builder().solutionVersionArn(versionArn).build())).metrics());
    }

    /**
     * The version {@code campaignArn} serves now and its metrics, unless there is nothing to compare with: the campaign
     * does not exist yet (a first deploy, or a new campaign replacing one), serves no version yet, or already serves
     * {@code newVersionArn} (a gate changed, not the version). DescribeCampaign's solutionVersionArn stays the served
     * version while an UpdateCampaign is in progress, as Personalize keeps serving it until the update is ACTIVE.
     */
    private Optional<QualityGate.Baseline> servedVersion(String campaignArn, String newVersionArn) {
        Campaign campaign;
        try {
            campaign = retry.call("DescribeCampaign", () -> personalize.describeCampaign(
                    DescribeCampaignRequest.builder().campaignArn(campaignArn).build())).campaign();
        } catch (ResourceNotFoundException e) {
            LOG.info("no regression check: the campaign does not exist yet", entry("campaign", campaignArn));
            return Optional.empty();
        }
        String served = campaign.solutionVersionArn();
        if (served == null || !Status.isActive(campaign.status())) {
            LOG.info("no regression check: the campaign serves no version yet", entry("campaign", campaignArn),
                    entry("status", campaign.status()));
            return Optional.empty();
        }
        if (served.equals(newVersionArn)) {
            LOG.info("no regression check: the campaign already serves this version", entry("campaign", campaignArn));
            return Optional.empty();
        }
        Map<String, Double> metrics = metrics(served);
        LOG.info("read the served version's metrics", entry("arn", served), entry("metrics", metrics));
        return Optional.of(new QualityGate.Baseline(Arns.resourceName(served), metrics));
    }
}
