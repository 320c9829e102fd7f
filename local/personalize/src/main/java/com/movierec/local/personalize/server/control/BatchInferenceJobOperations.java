package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.BatchInferenceJobs;
import com.movierec.local.personalize.engine.state.BatchInferenceJob;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;

/** CreateBatchInferenceJob, DescribeBatchInferenceJob, ListBatchInferenceJobs. */
final class BatchInferenceJobOperations {
    private BatchInferenceJobOperations() {
    }

    static void register(OperationTable table, BatchInferenceJobs jobs) {
        table.add("CreateBatchInferenceJob", r -> {
            RequestFields source = nested(r.nested("jobInput"), "s3DataSource");
            RequestFields destination = nested(r.nested("jobOutput"), "s3DataDestination");
            BatchInferenceJob.Settings requested = new BatchInferenceJob.Settings(r.string("solutionVersionArn"),
                    r.string("filterArn"), r.integer("numResults"), string(source, "path"),
                    string(source, "kmsKeyArn"), string(destination, "path"), string(destination, "kmsKeyArn"),
                    r.string("roleArn"), r.json("batchInferenceJobConfig"), r.string("batchInferenceJobMode"),
                    r.json("themeGenerationConfig"));
            return Shapes.arn("batchInferenceJobArn", jobs.create(r.string("jobName"), requested).arn());
        });
        table.add("DescribeBatchInferenceJob", r -> Json.object().set("batchInferenceJob",
                job(jobs.describe(r.string("batchInferenceJobArn")))));
        table.add("ListBatchInferenceJobs", r -> Pages.page(r, "batchInferenceJobs",
                jobs.list(r.string("solutionVersionArn")), BatchInferenceJobOperations::summary));
    }

    private static RequestFields nested(RequestFields parent, String name) {
        return parent == null ? null : parent.nested(name);
    }

    private static String string(RequestFields fields, String name) {
        return fields == null ? null : fields.string(name);
    }

    private static ObjectNode job(BatchInferenceJob j) {
        BatchInferenceJob.Settings s = j.settings();
        ObjectNode n = summary(j).put("roleArn", s.roleArn());
        Json.put(n, "filterArn", s.filterArn());
        if (s.numResults() != null) {
            n.put("numResults", s.numResults());
        }
        s3(n.putObject("jobInput").putObject("s3DataSource"), s.inputPath(), s.inputKmsKeyArn());
        s3(n.putObject("jobOutput").putObject("s3DataDestination"), s.outputPath(), s.outputKmsKeyArn());
        if (s.config() != null) {
            n.set("batchInferenceJobConfig", s.config());
        }
        if (s.themeGenerationConfig() != null) {
            n.set("themeGenerationConfig", s.themeGenerationConfig());
        }
        return n;
    }

    private static void s3(ObjectNode config, String path, String kmsKeyArn) {
        config.put("path", path);
        Json.put(config, "kmsKeyArn", kmsKeyArn);
    }

    private static ObjectNode summary(BatchInferenceJob j) {
        ObjectNode n = Json.object().put("jobName", j.name()).put("batchInferenceJobArn", j.arn())
                .put("solutionVersionArn", j.settings().solutionVersionArn())
                .put("batchInferenceJobMode", j.settings().mode());
        return Shapes.progress(n, j.progress());
    }
}
