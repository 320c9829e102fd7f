package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Solutions;
import com.movierec.local.personalize.engine.state.Solution;
import com.movierec.local.personalize.engine.state.SolutionVersion;
import com.movierec.local.personalize.engine.state.Update;
import com.movierec.local.personalize.server.Json;

/** CreateSolution, DescribeSolution, UpdateSolution, ListSolutions, DeleteSolution. */
final class SolutionOperations {
    private SolutionOperations() {
    }

    static void register(OperationTable table, Solutions solutions) {
        table.add("CreateSolution", r -> Shapes.arn("solutionArn", solutions.create(new Solutions.CreateRequest(
                r.string("name"), r.string("datasetGroupArn"), r.string("recipeArn"), r.bool("performHPO"),
                r.bool("performAutoML"), r.bool("performAutoTraining"), r.bool("performIncrementalUpdate"),
                r.string("eventType"), r.json("solutionConfig"))).arn()));
        table.add("DescribeSolution", r -> Json.object().set("solution",
                solution(solutions.describe(r.string("solutionArn")))));
        table.add("UpdateSolution", r -> Shapes.arn("solutionArn", solutions.update(r.string("solutionArn"),
                r.bool("performAutoTraining"), r.json("solutionUpdateConfig")).arn()));
        table.add("ListSolutions", r -> Pages.page(r, "solutions", solutions.list(r.string("datasetGroupArn")),
                SolutionOperations::summary));
        table.add("DeleteSolution", r -> {
            solutions.delete(r.string("solutionArn"));
            return Json.object();
        });
    }

    private static ObjectNode solution(Solution s) {
        ObjectNode n = summary(s)
                .put("performHPO", s.performHPO())
                .put("performAutoML", false)
                .put("performAutoTraining", s.performAutoTraining())
                .put("performIncrementalUpdate", s.performIncrementalUpdate())
                .put("datasetGroupArn", s.groupArn());
        Json.put(n, "eventType", s.eventType());
        n.set("solutionConfig", s.solutionConfig());
        SolutionVersion latest = s.latestVersion();
        if (latest != null) {
            n.set("latestSolutionVersion", SolutionVersionOperations.summary(latest));
        }
        Update<Solution.Change> update = s.latestUpdate();
        if (update != null) {
            ObjectNode u = Json.object().put("performAutoTraining", update.requested().performAutoTraining())
                    .put("performIncrementalUpdate", s.performIncrementalUpdate());
            Json.put(u, "solutionUpdateConfig", update.requested().solutionUpdateConfig());
            n.set("latestSolutionUpdate", Shapes.progress(u, update.progress()));
        }
        return n;
    }

    private static ObjectNode summary(Solution s) {
        ObjectNode n = Json.object().put("name", s.name()).put("solutionArn", s.arn()).put("recipeArn", s.recipeArn());
        Shapes.progress(n, s.progress());
        n.remove("failureReason"); // a solution reports none; its versions and updates do
        return n;
    }
}
