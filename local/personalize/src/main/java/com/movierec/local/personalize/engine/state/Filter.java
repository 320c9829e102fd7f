package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.filter.ItemFilter;
import java.time.Instant;

/** A recommendation filter: its expression, parsed once at CreateFilter. */
public final class Filter extends Resource {
    private final String groupArn;
    private final ItemFilter expression;

    public Filter(String arn, String name, long sequence, Instant now, String groupArn, ItemFilter expression) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.groupArn = groupArn;
        this.expression = expression;
    }

    public String groupArn() {
        return groupArn;
    }

    public ItemFilter expression() {
        return expression;
    }

    @Override
    public String kind() {
        return "filter";
    }
}
