package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.EventTrackers;
import com.movierec.local.personalize.engine.state.EventTracker;
import com.movierec.local.personalize.server.Json;

/** CreateEventTracker, DescribeEventTracker, ListEventTrackers, DeleteEventTracker. */
final class EventTrackerOperations {
    private EventTrackerOperations() {
    }

    static void register(OperationTable table, EventTrackers trackers, String accountId) {
        table.add("CreateEventTracker", r -> {
            EventTracker t = trackers.create(r.string("name"), r.string("datasetGroupArn"));
            return Json.object().put("eventTrackerArn", t.arn()).put("trackingId", t.trackingId());
        });
        table.add("DescribeEventTracker", r -> Json.object().set("eventTracker",
                tracker(trackers.describe(r.string("eventTrackerArn")), accountId)));
        table.add("ListEventTrackers", r -> Pages.page(r, "eventTrackers", trackers.list(r.string("datasetGroupArn")),
                EventTrackerOperations::summary));
        table.add("DeleteEventTracker", r -> {
            trackers.delete(r.string("eventTrackerArn"));
            return Json.object();
        });
    }

    private static ObjectNode tracker(EventTracker t, String accountId) {
        return summary(t).put("accountId", accountId).put("trackingId", t.trackingId())
                .put("datasetGroupArn", t.groupArn());
    }

    private static ObjectNode summary(EventTracker t) {
        ObjectNode n = Json.object().put("name", t.name()).put("eventTrackerArn", t.arn());
        Shapes.progress(n, t.progress());
        n.remove("failureReason"); // an event tracker reports none
        return n;
    }
}
