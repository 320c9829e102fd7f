package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.engine.datasetimport.AvroSchema;
import java.time.Instant;

/** A dataset schema: usable as soon as CreateSchema answers, so always ACTIVE. */
public final class Schema extends Resource {
    private final String text;
    private final String domain;
    private final AvroSchema parsed;

    public Schema(String arn, String name, long sequence, Instant now, String text, String domain, AvroSchema parsed) {
        super(arn, name, sequence, Status.ACTIVE, now);
        this.text = text;
        this.domain = domain;
        this.parsed = parsed;
    }

    /** The Avro JSON as given. */
    public String text() {
        return text;
    }

    /** ECOMMERCE or VIDEO_ON_DEMAND; null for a custom schema. */
    public String domain() {
        return domain;
    }

    public AvroSchema parsed() {
        return parsed;
    }

    @Override
    public String kind() {
        return "schema";
    }
}
