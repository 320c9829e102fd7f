package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import java.time.Instant;

/** An event tracker: PutEvents with its trackingId records into its dataset group. One per group. */
public final class EventTracker extends Resource {
    private final String groupArn;
    private final String trackingId;

    public EventTracker(String arn, String name, long sequence, Instant now, String groupArn, String trackingId) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.groupArn = groupArn;
        this.trackingId = trackingId;
    }

    public String groupArn() {
        return groupArn;
    }

    public String trackingId() {
        return trackingId;
    }

    @Override
    public String kind() {
        return "event-tracker";
    }
}
