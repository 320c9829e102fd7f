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
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * {@code Custom::PersonalizeSolutionMetrics}: the offline metrics of a trained version as attributes, and an optional
 * quality gate. Its physical id is the SolutionVersionArn; every change re-reads the metrics; nothing is deleted.
 */
public final class SolutionMetricsResource extends LifecycleResource {
    private static final String SOLUTION_VERSION_ARN = "SolutionVersionArn";

    private final PersonalizeClient personalize;

    public SolutionMetricsResource(PersonalizeClient personalize, Retry retry) {
        super(ResourceType.SOLUTION_METRICS, retry);
        this.personalize = personalize;
    }

    /** Only a new SolutionVersionArn changes the physical id; a new gate re-reads the same version. */
    @Override
    protected Set<String> inPlaceProperties() {
        return Set.of(QualityGate.PROPERTY);
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
        QualityGate.from(event.properties());
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
        List<String> violations = QualityGate.from(event.properties()).violations(metrics);
        if (!violations.isEmpty()) {
            throw Failure.of(type, name(event), String.join("; ", violations));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Arn", arn);
        metrics.forEach((metric, value) -> data.put(metric, BigDecimal.valueOf(value).toPlainString()));
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
