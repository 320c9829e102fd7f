package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.ResourceType;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * {@code Custom::PersonalizeSolutionMetrics}: the offline metrics of a trained version as attributes, and an optional
 * {@link QualityGate}. With the gate's maxRegression, {@code CampaignArn} names the campaign that will serve the
 * version, and the version the campaign serves now is the baseline. Its physical id is the SolutionVersionArn; every
 * change re-reads the metrics; nothing is deleted.
 */
public final class SolutionMetricsResource extends LifecycleResource {
    private static final String SOLUTION_VERSION_ARN = "SolutionVersionArn";
    private static final String CAMPAIGN_ARN = "CampaignArn";

    private final PersonalizeClient personalize;

    public SolutionMetricsResource(PersonalizeClient personalize, Retry retry) {
        super(ResourceType.SOLUTION_METRICS, retry);
        this.personalize = personalize;
    }

    /** Only a new SolutionVersionArn changes the physical id; a new gate or campaign re-reads the same version. */
    @Override
    protected Set<String> inPlaceProperties() {
        return Set.of(QualityGate.PROPERTY, CAMPAIGN_ARN);
    }

    @Override
    public String name(CustomResourceEvent event) {
        Object arn = event.properties().asMap().get(SOLUTION_VERSION_ARN);
        return arn instanceof String text && Arns.isArn(text) ? Arns.resourceName(text) : event.logicalId();
    }

    @Override
    protected String create(CustomResourceEvent event) {
        String arn = event.properties().required(SOLUTION_VERSION_ARN);
        if (!Arns.isArn(arn)) {
            throw Failure.property(type, SOLUTION_VERSION_ARN, "must be a solution version ARN, not '" + arn + "'");
        }
        QualityGate gate = QualityGate.from(event.properties());
        Optional<String> campaign = event.properties().optional(CAMPAIGN_ARN);
        if (gate.checksRegression() && campaign.isEmpty()) {
            throw Failure.property(type, CAMPAIGN_ARN, "is required with the QualityGate's maxRegression: the ARN "
                    + "of the campaign that will serve this version, whose current version is the baseline");
        }
        if (campaign.isPresent() && !Arns.isArn(campaign.get())) {
            throw Failure.property(type, CAMPAIGN_ARN, "must be a campaign ARN, not '" + campaign.get() + "'");
        }
        return arn;
    }

    @Override
    protected Completion awaitCreated(CustomResourceEvent event, String arn) {
        SolutionVersion version;
        try {
            version = call("DescribeSolutionVersion", () -> personalize.describeSolutionVersion(
                    DescribeSolutionVersionRequest.builder().solutionVersionArn(arn).build())).solutionVersion();
        } catch (ResourceNotFoundException e) {
            throw Failure.of(type, name(event), "Personalize no longer knows " + arn);
        }
        if (Status.isFailed(version.status())) {
            throw Failure.status(type, name(event), version.status(), version.failureReason());
        }
        if (!Status.isActive(version.status())) {
            log.info("waiting for the version to finish training", entry("arn", arn), entry("status", version.status()));
            return Completion.waiting();
        }
        Map<String, Double> metrics = new TreeMap<>(call("GetSolutionMetrics", () -> personalize.getSolutionMetrics(
                GetSolutionMetricsRequest.builder().solutionVersionArn(arn).build())).metrics());
        log.info("read the offline metrics", entry("arn", arn), entry("metrics", metrics));
        QualityGate gate = QualityGate.from(event.properties());
        Optional<QualityGate.Baseline> served = gate.checksRegression()
                ? servedVersion(event.properties().required(CAMPAIGN_ARN), arn)
                : Optional.empty();
        List<String> violations = gate.violations(metrics, served);
        if (!violations.isEmpty()) {
            throw Failure.of(type, name(event), String.join("; ", violations));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Arn", arn);
        metrics.forEach((metric, value) -> data.put(metric, BigDecimal.valueOf(value).toPlainString()));
        return Completion.done(data);
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
            campaign = call("DescribeCampaign", () -> personalize.describeCampaign(
                    DescribeCampaignRequest.builder().campaignArn(campaignArn).build())).campaign();
        } catch (ResourceNotFoundException e) {
            log.info("no regression check: the campaign does not exist yet", entry("campaign", campaignArn));
            return Optional.empty();
        }
        String served = campaign.solutionVersionArn();
        if (served == null || !Status.isActive(campaign.status())) {
            log.info("no regression check: the campaign serves no version yet", entry("campaign", campaignArn),
                    entry("status", campaign.status()));
            return Optional.empty();
        }
        if (served.equals(newVersionArn)) {
            log.info("no regression check: the campaign already serves this version", entry("campaign", campaignArn));
            return Optional.empty();
        }
        Map<String, Double> metrics = call("GetSolutionMetrics", () -> personalize.getSolutionMetrics(
                GetSolutionMetricsRequest.builder().solutionVersionArn(served).build())).metrics();
        log.info("read the served version's metrics", entry("arn", served), entry("metrics", new TreeMap<>(metrics)));
        return Optional.of(new QualityGate.Baseline(Arns.resourceName(served), metrics));
    }

    @Override
    protected void delete(CustomResourceEvent event, String arn) {
        log.info("nothing to delete: metrics belong to the solution version");
    }

    @Override
    protected Completion awaitDeleted(CustomResourceEvent event, String arn) {
        return Completion.done(Map.of());
    }
}
