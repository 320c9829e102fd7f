package com.movierec.lifecycle.resources;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.movierec.lifecycle.core.Arns;
import com.movierec.lifecycle.core.Completion;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Retry;
import com.movierec.lifecycle.core.Status;
import com.movierec.schemas.contract.CustomResourceType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * {@code Custom::PersonalizeSolutionMetrics}: the offline metrics of a trained version as attributes, and an optional
 * {@link QualityGate}, checked by {@link QualityGateCheck} as a scheduled retraining checks it. With the gate's
 * maxRegression, {@code CampaignArn} names the campaign that will serve the version, and the version the campaign
 * serves now is the baseline. Its physical id is the SolutionVersionArn; every
 * change re-reads the metrics; nothing is deleted.
 */
public final class SolutionMetricsResource extends LifecycleResource {
    private static final String SOLUTION_VERSION_ARN = "SolutionVersionArn";
    private static final String CAMPAIGN_ARN = "CampaignArn";

    private final PersonalizeClient personalize;
    private final QualityGateCheck gateCheck;

    public SolutionMetricsResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.SOLUTION_METRICS, retry);
        this.personalize = personalize;
        this.gateCheck = new QualityGateCheck(personalize, retry);
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
        QualityGateCheck.Result checked = gateCheck.check(QualityGate.from(event.properties()), arn,
                event.properties().optional(CAMPAIGN_ARN));
        if (!checked.passed()) {
            throw Failure.of(type, name(event), String.join("; ", checked.violations()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Arn", arn);
        checked.metrics().forEach((metric, value) -> data.put(metric, BigDecimal.valueOf(value).toPlainString()));
        return Completion.done(data);
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
