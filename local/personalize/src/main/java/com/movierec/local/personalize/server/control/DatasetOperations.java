package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Datasets;
import com.movierec.local.personalize.engine.EventTrackers;
import com.movierec.local.personalize.engine.state.Dataset;
import com.movierec.local.personalize.engine.state.EventTracker;
import com.movierec.local.personalize.engine.state.Update;
import com.movierec.local.personalize.server.Json;
import com.movierec.schemas.DatasetType;

/** CreateDataset, DescribeDataset, UpdateDataset, ListDatasets, DeleteDataset. */
final class DatasetOperations {
    private DatasetOperations() {
    }

    static void register(OperationTable table, Datasets datasets, EventTrackers trackers) {
        table.add("CreateDataset", r -> Shapes.arn("datasetArn", datasets.create(r.string("name"),
                r.string("datasetGroupArn"), r.string("datasetType"), r.string("schemaArn")).arn()));
        table.add("DescribeDataset", r -> Json.object().set("dataset",
                dataset(datasets.describe(r.string("datasetArn")), trackers)));
        table.add("UpdateDataset", r -> Shapes.arn("datasetArn",
                datasets.update(r.string("datasetArn"), r.string("schemaArn")).arn()));
        table.add("ListDatasets", r -> Pages.page(r, "datasets", datasets.list(r.string("datasetGroupArn")),
                DatasetOperations::summary));
        table.add("DeleteDataset", r -> {
            datasets.delete(r.string("datasetArn"));
            return Json.object();
        });
    }

    private static ObjectNode dataset(Dataset d, EventTrackers trackers) {
        ObjectNode n = summary(d).put("datasetGroupArn", d.groupArn()).put("schemaArn", d.schemaArn());
        Update<String> update = d.latestUpdate();
        if (update != null) {
            n.set("latestDatasetUpdate", Shapes.progress(Json.object().put("schemaArn", update.requested()),
                    update.progress()));
        }
        if (d.type() == DatasetType.INTERACTIONS) {
            Json.put(n, "trackingId", trackers.ofGroup(d.groupArn()).map(EventTracker::trackingId).orElse(null));
        }
        return n;
    }

    private static ObjectNode summary(Dataset d) {
        ObjectNode n = Json.object().put("name", d.name()).put("datasetArn", d.arn())
                .put("datasetType", d.typeAsGiven());
        Shapes.progress(n, d.progress());
        n.remove("failureReason"); // Personalize's Dataset has none; its latest update does
        return n;
    }
}
