package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.datasetimport.AvroSchema;
import com.movierec.local.personalize.engine.state.Schema;
import java.util.List;

/** CreateSchema, DescribeSchema, ListSchemas, DeleteSchema. */
public final class Schemas {

    private final EngineContext ctx;

    Schemas(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Schema create(String name, String schema, String domain) {
        AvroSchema parsed = AvroSchema.parse(schema);
        synchronized (ctx.store) {
            Schema created = new Schema(ctx.arns.schema(name), name, ctx.store.nextSequence(), ctx.now(), schema,
                    domain, parsed);
            ctx.store.schemas.add(created);
            return created;
        }
    }

    public Schema describe(String schemaArn) {
        return ctx.store.schemas.require(schemaArn);
    }

    public List<Schema> list() {
        return ctx.store.schemas.list(s -> true);
    }

    /** A schema goes at once, but not while a dataset uses it (or an update is moving a dataset to it). */
    public void delete(String schemaArn) {
        synchronized (ctx.store) {
            Schema schema = describe(schemaArn);
            EngineContext.requireUnused(schema, ctx.store.datasets.list(d -> schema.arn().equals(d.schemaArn())
                    || (d.latestUpdate() != null && schema.arn().equals(d.latestUpdate().requested()))));
            ctx.store.remove(schema);
        }
    }
}
