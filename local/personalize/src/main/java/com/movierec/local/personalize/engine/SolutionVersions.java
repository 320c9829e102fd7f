package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.GroupActivity;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.engine.state.Dataset;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.Solution;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.engine.training.TrainingJob;
import com.movierec.local.personalize.recipe.TrainingOptions;
import com.movierec.schemas.DatasetType;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * CreateSolutionVersion (a real training, on a worker thread), DescribeSolutionVersion, ListSolutionVersions,
 * StopSolutionVersionCreation and GetSolutionMetrics. Versions are deleted with their solution.
 */
public final class SolutionVersions {
    private static final List<String> MODES = List.of("FULL", "UPDATE");

    private final EngineContext ctx;

    SolutionVersions(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param name         optional
     * @param trainingMode FULL (the default) or UPDATE; UPDATE needs an ACTIVE version and trains from scratch
     *                     here too (the result is the same model)
     */
    public SolutionVersion create(String solutionArn, String name, String trainingMode) {
        String mode = trainingMode == null ? "FULL" : trainingMode;
        if (!MODES.contains(mode)) {
            // The model's enum also has AUTOTRAIN, which names versions Personalize trains by itself.
            throw PersonalizeException.invalidInput("trainingMode " + mode + " is set by Personalize for automatic "
                    + "training; a request passes FULL or UPDATE.");
        }
        synchronized (ctx.store) {
            Solution solution = ctx.store.solutions.require(solutionArn);
            EngineContext.requireActive(solution, "to train");
            List<SolutionVersion> running = ctx.store.versions.list(v -> v.solution() == solution
                    && Status.inFlight(v.status()));
            if (!running.isEmpty()) {
                throw PersonalizeException.inUse("Solution " + solutionArn + " already has a version in progress: "
                        + running.get(0).arn() + ".");
            }
            if ("UPDATE".equals(mode) && !ctx.store.versions.any(v -> v.solution() == solution
                    && Status.ACTIVE.equals(v.status()))) {
                throw PersonalizeException.invalidInput("trainingMode UPDATE needs an ACTIVE solution version to "
                        + "update; train with FULL first.");
            }
            DatasetGroup group = ctx.store.groups.require(solution.groupArn());
            requireTrainableData(group);
            String id = HexFormat.of().toHexDigits((int) mix(ctx.store.nextSequence()));
            SolutionVersion version = new SolutionVersion(ctx.arns.solutionVersion(solution.name(), id), name,
                    ctx.store.nextSequence(), ctx.now(), solution, mode);
            ctx.store.versions.add(version);
            solution.latestVersion(version);
            ctx.transitions.runJob(version, version.progress(), () -> {
                TrainingJob.Result result = train(solution, group.activity());
                return () -> version.trained(result.model(), result.metrics(), result.hours());
            });
            return version;
        }
    }

    public SolutionVersion describe(String solutionVersionArn) {
        return ctx.store.versions.require(solutionVersionArn);
    }

    /** The solution's versions, or every version when {@code solutionArn} is null; newest first. */
    public List<SolutionVersion> list(String solutionArn) {
        if (solutionArn != null) {
            ctx.store.solutions.require(solutionArn);
        }
        return ctx.store.versions.list(v -> solutionArn == null || solutionArn.equals(v.solution().arn()));
    }

    /** CREATE PENDING or IN_PROGRESS becomes CREATE STOPPING, then CREATE STOPPED; the model is thrown away. */
    public void stop(String solutionVersionArn) {
        synchronized (ctx.store) {
            SolutionVersion version = describe(solutionVersionArn);
            String status = version.status();
            if (!Status.CREATE_PENDING.equals(status) && !Status.CREATE_IN_PROGRESS.equals(status)) {
                throw PersonalizeException.inUse("Solution version " + version.arn() + " is " + status
                        + "; only a version in CREATE PENDING or CREATE IN_PROGRESS can be stopped.");
            }
            version.progress().moveTo(Status.CREATE_STOPPING, ctx.now());
        }
    }

    /** The offline metrics of an ACTIVE version, by Personalize's metric names. */
    public Map<String, Double> metrics(String solutionVersionArn) {
        SolutionVersion version = describe(solutionVersionArn);
        EngineContext.requireActive(version, "to have metrics");
        return version.metrics();
    }

    private void requireTrainableData(DatasetGroup group) {
        List<Dataset> datasets = ctx.store.datasets.list(d -> d.groupArn().equals(group.arn()));
        if (datasets.stream().noneMatch(d -> d.type() == DatasetType.INTERACTIONS)) {
            throw PersonalizeException.invalidInput("Dataset group " + group.arn() + " has no Interactions dataset "
                    + "to train on.");
        }
        List<String> importing = ctx.store.importJobs.list(j -> Status.inFlight(j.status())
                        && datasets.stream().anyMatch(d -> d.arn().equals(j.datasetArn())))
                .stream().map(j -> j.arn()).toList();
        if (!importing.isEmpty()) {
            throw PersonalizeException.inUse("Dataset group " + group.arn() + " has imports in progress: " + importing
                    + "; train once they finish.");
        }
    }

    private TrainingJob.Result train(Solution solution, GroupActivity data) {
        ctx.faults.takeTrainingFailure().ifPresent(reason -> {
            throw new JobFailure(reason);
        });
        TrainingOptions options = ctx.settings.training()
                .withEventType(solution.eventType())
                .withEventValueThreshold(solution.eventValueThreshold());
        return TrainingJob.run(solution.recipe(), data.trainingData(), data.items(), options);
    }

    /** SplitMix64's finaliser: version ids look random but follow from the creation order. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
