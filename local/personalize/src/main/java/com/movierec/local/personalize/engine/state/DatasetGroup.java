package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.Status;
import com.movierec.local.personalize.engine.datasetimport.GroupActivity;
import java.time.Instant;

/** A dataset group, and what its users have done (imported interactions plus events recorded since). */
public final class DatasetGroup extends Resource {
    private final String roleArn;
    private final String kmsKeyArn;
    private final String domain;
    private final GroupActivity activity = new GroupActivity();

    public DatasetGroup(String arn, String name, long sequence, Instant now, String roleArn, String kmsKeyArn,
                        String domain) {
        super(arn, name, sequence, Status.CREATE_PENDING, now);
        this.roleArn = roleArn;
        this.kmsKeyArn = kmsKeyArn;
        this.domain = domain;
    }

    public String roleArn() {
        return roleArn;
    }

    public String kmsKeyArn() {
        return kmsKeyArn;
    }

    /** ECOMMERCE or VIDEO_ON_DEMAND; null for a custom group. */
    public String domain() {
        return domain;
    }

    public GroupActivity activity() {
        return activity;
    }

    @Override
    public String kind() {
        return "dataset-group";
    }
}
