package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.ImportJobs;
import com.movierec.local.personalize.engine.state.ImportJob;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;

/** CreateDatasetImportJob, DescribeDatasetImportJob, ListDatasetImportJobs. */
final class ImportJobOperations {
    private ImportJobOperations() {
    }

    static void register(OperationTable table, ImportJobs jobs) {
        table.add("CreateDatasetImportJob", r -> {
            RequestFields source = r.nested("dataSource");
            return Shapes.arn("datasetImportJobArn", jobs.create(r.string("jobName"), r.string("datasetArn"),
                    source == null ? null : source.string("dataLocation"), r.string("roleArn"),
                    r.string("importMode"), Boolean.TRUE.equals(r.bool("publishAttributionMetricsToS3"))).arn());
        });
        table.add("DescribeDatasetImportJob", r -> Json.object().set("datasetImportJob",
                job(jobs.describe(r.string("datasetImportJobArn")))));
        table.add("ListDatasetImportJobs", r -> Pages.page(r, "datasetImportJobs", jobs.list(r.string("datasetArn")),
                ImportJobOperations::summary));
    }

    private static ObjectNode job(ImportJob j) {
        ObjectNode n = summary(j).put("datasetArn", j.datasetArn()).put("roleArn", j.roleArn())
                .put("publishAttributionMetricsToS3", j.publishAttributionMetricsToS3());
        n.putObject("dataSource").put("dataLocation", j.dataLocation());
        return n;
    }

    private static ObjectNode summary(ImportJob j) {
        ObjectNode n = Json.object().put("jobName", j.name()).put("datasetImportJobArn", j.arn())
                .put("importMode", j.importMode());
        return Shapes.progress(n, j.progress());
    }
}
