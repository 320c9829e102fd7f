package com.movierec.infra.personalize.resources;

import com.movierec.infra.config.QualityGateSettings.SlotGate;
import com.movierec.infra.personalize.PersonalizeNames;
import com.movierec.infra.personalize.provider.JobWatch;
import com.movierec.infra.personalize.provider.LifecycleProvider;
import com.movierec.schemas.contract.CustomResourceType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.CfnWaitCondition;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;

/**
 * A solution version that has finished training: {@code Custom::PersonalizeSolutionVersion} starts the training,
 * the watcher signals a WaitCondition when it is ACTIVE, and {@code Custom::PersonalizeSolutionMetrics} (after the
 * WaitCondition) exposes the offline metrics as attributes. A campaign depends on the metrics, so it moves to a new
 * version only after that version has trained and passed its quality gate, if it has one: a failed gate fails the
 * stack before CloudFormation touches the campaign, which keeps serving the version it serves.
 */
public final class TrainedSolutionVersion extends Construct {
    public static final String VERSION_TYPE = CustomResourceType.SOLUTION_VERSION.cloudFormationName();
    public static final String METRICS_TYPE = CustomResourceType.SOLUTION_METRICS.cloudFormationName();

    private final CustomResource version;
    private final CompletionSignal signal;
    private final CustomResource metrics;

    public TrainedSolutionVersion(Construct scope, String id, Props props) {
        super(scope, id);
        JobWatch watch = props.watch();
        // Everything the version is started with, except deploy-time tokens that follow from these literals.
        signal = new CompletionSignal(this, PersonalizeNames.hash(List.of(props.solution().name(), props.trigger(),
                props.trainingMode(), Integer.toString(watch.pollSeconds()))), watch.timeout());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("SolutionArn", props.solution().arn());
        properties.put("TrainingMode", props.trainingMode());
        properties.put("Trigger", props.trigger());
        properties.put("SignalUrl", signal.signalUrl());
        properties.put("WatcherStateMachineArn", watch.stateMachineArn());
        properties.put("PollSeconds", Integer.toString(watch.pollSeconds()));
        version = props.lifecycle().resource(this, "Version", VERSION_TYPE, properties);
        signal.after(version);

        Map<String, String> metricsProperties = new LinkedHashMap<>();
        metricsProperties.put("SolutionVersionArn", version.getAttString("Arn"));
        props.gate().ifPresent(gate -> {
            metricsProperties.put("QualityGate", qualityGateJson(gate));
            if (gate.maxRegression().isPresent()) {
                metricsProperties.put("CampaignArn", props.campaignArn());
            }
        });
        metrics = props.lifecycle().resource(this, "Metrics", METRICS_TYPE, metricsProperties);
        metrics.getNode().addDependency(signal.condition());
    }

    /** The contract's {@code QualityGate}: {@code {"minimums": {"<metric>": 0.05}, "maxRegression": 0.1}}. */
    static String qualityGateJson(SlotGate gate) {
        String minimums = gate.minimums().entrySet().stream()
                .map(minimum -> "\"" + minimum.getKey() + "\": " + decimal(minimum.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "{\"minimums\": " + minimums
                + gate.maxRegression().map(max -> ", \"maxRegression\": " + decimal(max)).orElse("") + "}";
    }

    /** 0.05 rather than 5.0E-2: the shortest decimal that reads back as the same double. */
    private static String decimal(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    /** The solution version's ARN. */
    public String arn() {
        return version.getAttString("Arn");
    }

    public CustomResource version() {
        return version;
    }

    /** Completes when training has. */
    public CfnWaitCondition completion() {
        return signal.condition();
    }

    /** The offline metrics of the trained version; exists only once training succeeded. */
    public CustomResource metrics() {
        return metrics;
    }

    /**
     * @param lifecycle    the custom-resource provider
     * @param solution     the solution to train
     * @param trigger      opaque; a change trains a new version (the data version)
     * @param trainingMode FULL or UPDATE
     * @param watch        the watcher and the timeout
     * @param gate         the quality gate the version must pass before a campaign serves it; empty for none
     * @param campaignArn  the campaign that will serve the version, built from its name (reading it from the campaign
     *                     would be a cycle, as the campaign depends on the metrics); required with the gate's
     *                     maxRegression, whose baseline is the version that campaign serves
     */
    public record Props(LifecycleProvider lifecycle, Solution solution, String trigger, String trainingMode,
                        JobWatch watch, Optional<SlotGate> gate, String campaignArn) {
        public Props {
            PersonalizeResource.require("lifecycle", lifecycle);
            PersonalizeResource.require("solution", solution);
            PersonalizeResource.require("watch", watch);
            gate = gate == null ? Optional.empty() : gate;
            if (gate.flatMap(SlotGate::maxRegression).isPresent() && (campaignArn == null || campaignArn.isBlank())) {
                throw new IllegalArgumentException("the quality gate of " + solution.name() + " has maxRegression but "
                        + "no campaignArn: set the ARN of the campaign that serves the versions, whose current one is "
                        + "the baseline");
            }
            if (trigger == null || trigger.isBlank()) {
                throw new IllegalArgumentException("trigger is empty: pass the data version, so new data trains a "
                        + "new solution version");
            }
            if (!List.of("FULL", "UPDATE").contains(trainingMode)) {
                throw new IllegalArgumentException("training mode \"" + trainingMode + "\" is not FULL or UPDATE");
            }
        }
    }
}
