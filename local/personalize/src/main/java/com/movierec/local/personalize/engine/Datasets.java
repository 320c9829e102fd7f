package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.data.ItemCatalog;
import com.movierec.local.personalize.engine.state.Dataset;
import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.Resource;
import com.movierec.local.personalize.engine.state.Schema;
import com.movierec.local.personalize.engine.state.Update;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.SchemaField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** CreateDataset, DescribeDataset, UpdateDataset, ListDatasets, DeleteDataset. */
public final class Datasets {
    private final EngineContext ctx;

    Datasets(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** @param datasetType Interactions, Items or Users (any case): one dataset of each type per group */
    public Dataset create(String name, String datasetGroupArn, String datasetType, String schemaArn) {
        DatasetType type = type(datasetType);
        synchronized (ctx.store) {
            DatasetGroup group = ctx.store.groups.require(datasetGroupArn);
            EngineContext.requireActive(group, "to hold datasets");
            Schema schema = ctx.store.schemas.require(schemaArn);
            requireFits(schema, type, group);
            Dataset dataset = new Dataset(ctx.arns.dataset(group.name(), EngineContext.upper(type.name())), name,
                    ctx.store.nextSequence(), ctx.now(), group.arn(), type, datasetType, schema.arn());
            ctx.store.datasets.add(dataset);
            ctx.transitions.create(dataset);
            return dataset;
        }
    }

    public Dataset describe(String datasetArn) {
        return ctx.store.datasets.require(datasetArn);
    }

    /** The group's datasets, or every dataset when {@code datasetGroupArn} is null. */
    public List<Dataset> list(String datasetGroupArn) {
        if (datasetGroupArn != null) {
            ctx.store.groups.require(datasetGroupArn);
        }
        return ctx.store.datasets.list(d -> datasetGroupArn == null || datasetGroupArn.equals(d.groupArn()));
    }

    /**
     * Moves the dataset to another schema, which may only add fields (Personalize keeps the imported data). The
     * dataset keeps its schema until the update is ACTIVE.
     */
    public Dataset update(String datasetArn, String schemaArn) {
        synchronized (ctx.store) {
            Dataset dataset = describe(datasetArn);
            EngineContext.requireActive(dataset, "to be updated");
            requireNoUpdateRunning(dataset);
            Schema next = ctx.store.schemas.require(schemaArn);
            requireFits(next, dataset.type(), ctx.store.groups.require(dataset.groupArn()));
            Schema current = ctx.store.schemas.require(dataset.schemaArn());
            for (SchemaField field : current.parsed().fields()) {
                if (!next.parsed().fields().contains(field)) {
                    throw PersonalizeException.invalidInput("The new schema must keep every field of the current "
                            + "one; it lacks or changes " + field.name() + ".");
                }
            }
            Update<String> update = new Update<>(schemaArn, Status.CREATE_PENDING, ctx.now());
            dataset.latestUpdate(update);
            ctx.transitions.update(dataset, update.progress(), () -> dataset.schemaArn(schemaArn));
            return dataset;
        }
    }

    /** Refused while an import into it, an update of it or a training on its group is running. */
    public void delete(String datasetArn) {
        synchronized (ctx.store) {
            Dataset dataset = describe(datasetArn);
            EngineContext.requireDeletable(dataset);
            requireNoUpdateRunning(dataset);
            List<Resource> running = new ArrayList<>();
            running.addAll(ctx.store.importJobs.list(j -> j.datasetArn().equals(dataset.arn())
                    && Status.inFlight(j.status())));
            running.addAll(ctx.store.versions.list(v -> v.solution().groupArn().equals(dataset.groupArn())
                    && Status.inFlight(v.status())));
            EngineContext.requireUnused(dataset, running);
            ctx.transitions.delete(dataset, () -> remove(dataset));
        }
    }

    /** The dataset and its import jobs go; its data leaves the group's live data. */
    private void remove(Dataset dataset) {
        ctx.store.importJobs.list(j -> j.datasetArn().equals(dataset.arn())).forEach(ctx.store::remove);
        ctx.store.remove(dataset);
        ctx.store.groups.find(dataset.groupArn()).ifPresent(group -> {
            switch (dataset.type()) {
                case INTERACTIONS -> group.activity().clearInteractions();
                case ITEMS -> group.activity().items(ItemCatalog.empty());
                case USERS -> {
                    // no recipe here reads users
                }
            }
        });
    }

    private static void requireNoUpdateRunning(Dataset dataset) {
        Update<String> update = dataset.latestUpdate();
        if (update != null && Status.inFlight(update.progress().status())) {
            throw PersonalizeException.inUse("Resource " + dataset.arn() + " has an update "
                    + update.progress().status() + ".");
        }
    }

    private static void requireFits(Schema schema, DatasetType type, DatasetGroup group) {
        schema.parsed().requireFieldsOf(type);
        if (!Objects.equals(schema.domain(), group.domain())) {
            throw PersonalizeException.invalidInput("Schema " + schema.arn() + " is for domain "
                    + (schema.domain() == null ? "none (custom)" : schema.domain()) + " but dataset group "
                    + group.arn() + " is for " + (group.domain() == null ? "none (custom)" : group.domain()) + ".");
        }
    }

    private static DatasetType type(String value) {
        for (DatasetType t : DatasetType.values()) {
            if (t.personalizeName().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw Validation.failed("datasetType", value, "Member must be one of Interactions, Items, Users");
    }
}
