package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.state.Progress;
import com.movierec.local.personalize.server.Json;

/** Members every resource shape shares. */
final class Shapes {
    private Shapes() {
    }

    /** status, creationDateTime, lastUpdatedDateTime and, when failed, failureReason. */
    static ObjectNode progress(ObjectNode node, Progress progress) {
        node.put("status", progress.status());
        times(node, progress);
        return Json.put(node, "failureReason", progress.failureReason());
    }

    static ObjectNode times(ObjectNode node, Progress progress) {
        Json.time(node, "creationDateTime", progress.created());
        return Json.time(node, "lastUpdatedDateTime", progress.lastUpdated());
    }

    /** A response holding one ARN, such as CreateSchema's {@code {"schemaArn": ...}}. */
    static ObjectNode arn(String field, String arn) {
        return Json.object().put(field, arn);
    }
}
