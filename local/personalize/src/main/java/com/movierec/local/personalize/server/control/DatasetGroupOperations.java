package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.DatasetGroups;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.server.Json;

/** CreateDatasetGroup, DescribeDatasetGroup, ListDatasetGroups, DeleteDatasetGroup. */
final class DatasetGroupOperations {
    private DatasetGroupOperations() {
    }

    static void register(OperationTable table, DatasetGroups groups) {
        table.add("CreateDatasetGroup", r -> Shapes.arn("datasetGroupArn", groups.create(r.string("name"),
                r.string("roleArn"), r.string("kmsKeyArn"), r.string("domain")).arn()));
        table.add("DescribeDatasetGroup", r -> Json.object().set("datasetGroup",
                group(groups.describe(r.string("datasetGroupArn")))));
        table.add("ListDatasetGroups", r -> Pages.page(r, "datasetGroups", groups.list(),
                DatasetGroupOperations::summary));
        table.add("DeleteDatasetGroup", r -> {
            groups.delete(r.string("datasetGroupArn"));
            return Json.object();
        });
    }

    private static ObjectNode group(DatasetGroup g) {
        ObjectNode n = summary(g);
        Json.put(n, "roleArn", g.roleArn());
        return Json.put(n, "kmsKeyArn", g.kmsKeyArn());
    }

    private static ObjectNode summary(DatasetGroup g) {
        ObjectNode n = Json.object().put("name", g.name()).put("datasetGroupArn", g.arn());
        Shapes.progress(n, g.progress());
        return Json.put(n, "domain", g.domain());
    }
}
