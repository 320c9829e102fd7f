package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Schemas;
import com.movierec.local.personalize.engine.state.Schema;
import com.movierec.local.personalize.server.Json;

/** CreateSchema, DescribeSchema, ListSchemas, DeleteSchema. */
final class SchemaOperations {
    private SchemaOperations() {
    }

    static void register(OperationTable table, Schemas schemas) {
        table.add("CreateSchema", r -> Shapes.arn("schemaArn",
                schemas.create(r.string("name"), r.string("schema"), r.string("domain")).arn()));
        table.add("DescribeSchema", r -> Json.object().set("schema", schema(schemas.describe(r.string("schemaArn")))));
        table.add("ListSchemas", r -> Pages.page(r, "schemas", schemas.list(), SchemaOperations::summary));
        table.add("DeleteSchema", r -> {
            schemas.delete(r.string("schemaArn"));
            return Json.object();
        });
    }

    private static ObjectNode schema(Schema s) {
        return summary(s).put("schema", s.text());
    }

    private static ObjectNode summary(Schema s) {
        ObjectNode n = Json.object().put("name", s.name()).put("schemaArn", s.arn());
        Shapes.times(n, s.progress());
        return Json.put(n, "domain", s.domain());
    }
}
