package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.iam.Authorizer;
import com.movierec.local.personalize.engine.state.Resource;
import java.util.ArrayList;
import java.util.List;

/** CreateDatasetGroup, DescribeDatasetGroup, ListDatasetGroups, DeleteDatasetGroup. */
public final class DatasetGroups {
    private final EngineContext ctx;

    DatasetGroups(EngineContext ctx) {
        this.ctx = ctx;
    }

    public DatasetGroup create(String name, String roleArn, String kmsKeyArn, String domain) {
        if (kmsKeyArn != null && roleArn == null) {
            throw PersonalizeException.invalidInput("roleArn is required with kmsKeyArn: Personalize assumes the "
                    + "role to use the key.");
        }
        synchronized (ctx.store) {
            DatasetGroup group = new DatasetGroup(ctx.arns.datasetGroup(name), name, ctx.store.nextSequence(),
                    ctx.now(), roleArn, kmsKeyArn, domain);
            ctx.store.groups.add(group);
            // A group encrypted with the customer's key: Personalize checks it can use the key through the role.
            ctx.transitions.runJob(group, group.progress(), () -> {
                Authorizer iam = ctx.authorizer;
                if (iam != null && kmsKeyArn != null) {
                    new ServiceRoleAccess(iam, ctx.settings.accountId()).keyFailure(group.arn(), roleArn, kmsKeyArn)
                            .ifPresent(reason -> {
                                throw new JobFailure(reason);
                            });
                }
                return () -> { };
            });
            return group;
        }
    }

    public DatasetGroup describe(String datasetGroupArn) {
        return ctx.store.groups.require(datasetGroupArn);
    }

    public List<DatasetGroup> list() {
        return ctx.store.groups.list(g -> true);
    }

    /** Refused while the group still has datasets, solutions, event trackers or filters. */
    public void delete(String datasetGroupArn) {
        synchronized (ctx.store) {
            DatasetGroup group = describe(datasetGroupArn);
            EngineContext.requireDeletable(group);
            String arn = group.arn();
            List<Resource> users = new ArrayList<>();
            users.addAll(ctx.store.datasets.list(d -> arn.equals(d.groupArn())));
            users.addAll(ctx.store.solutions.list(s -> arn.equals(s.groupArn())));
            users.addAll(ctx.store.trackers.list(t -> arn.equals(t.groupArn())));
            users.addAll(ctx.store.filters.list(f -> arn.equals(f.groupArn())));
            EngineContext.requireUnused(group, users);
            ctx.transitions.delete(group, () -> ctx.store.remove(group));
        }
    }
}
