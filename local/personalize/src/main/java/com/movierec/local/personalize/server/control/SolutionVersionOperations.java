package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.SolutionVersions;
import com.movierec.local.personalize.engine.state.Solution;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.server.Json;

/**
 * CreateSolutionVersion, DescribeSolutionVersion, ListSolutionVersions, StopSolutionVersionCreation,
 * GetSolutionMetrics.
 */
final class SolutionVersionOperations {
    private SolutionVersionOperations() {
    }

    static void register(OperationTable table, SolutionVersions versions) {
        table.add("CreateSolutionVersion", r -> Shapes.arn("solutionVersionArn", versions.create(
                r.string("solutionArn"), r.string("name"), r.string("trainingMode")).arn()));
        table.add("DescribeSolutionVersion", r -> Json.object().set("solutionVersion",
                version(versions.describe(r.string("solutionVersionArn")))));
        table.add("ListSolutionVersions", r -> Pages.page(r, "solutionVersions", versions.list(r.string("solutionArn")),
                SolutionVersionOperations::summary));
        table.add("StopSolutionVersionCreation", r -> {
            versions.stop(r.string("solutionVersionArn"));
            return Json.object();
        });
        table.add("GetSolutionMetrics", r -> {
            String arn = r.string("solutionVersionArn");
            ObjectNode out = Json.object();
            ObjectNode metrics = out.put("solutionVersionArn", arn).putObject("metrics");
            versions.metrics(arn).forEach(metrics::put);
            return out;
        });
    }

    private static ObjectNode version(SolutionVersion v) {
        Solution s = v.solution();
        ObjectNode n = summary(v)
                .put("solutionArn", s.arn())
                .put("performHPO", s.performHPO())
                .put("performAutoML", false)
                .put("performIncrementalUpdate", s.performIncrementalUpdate())
                .put("recipeArn", s.recipeArn())
                .put("datasetGroupArn", s.groupArn())
                .put("trainingHours", v.trainingHours());
        Json.put(n, "name", v.name());
        Json.put(n, "eventType", s.eventType());
        n.set("solutionConfig", s.solutionConfig());
        return n;
    }

    static ObjectNode summary(SolutionVersion v) {
        ObjectNode n = Json.object().put("solutionVersionArn", v.arn()).put("trainingMode", v.trainingMode())
                .put("trainingType", "MANUAL");
        return Shapes.progress(n, v.progress());
    }
}
