package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.Filters;
import com.movierec.local.personalize.engine.state.Filter;
import com.movierec.local.personalize.server.Json;

/** CreateFilter, DescribeFilter, ListFilters, DeleteFilter. */
final class FilterOperations {
    private FilterOperations() {
    }

    static void register(OperationTable table, Filters filters) {
        table.add("CreateFilter", r -> Shapes.arn("filterArn", filters.create(r.string("name"),
                r.string("datasetGroupArn"), r.string("filterExpression")).arn()));
        table.add("DescribeFilter", r -> Json.object().set("filter", filter(filters.describe(r.string("filterArn")))));
        // The service model names this list "Filters", capitalised, unlike every other list.
        table.add("ListFilters", r -> Pages.page(r, "Filters", filters.list(r.string("datasetGroupArn")),
                FilterOperations::summary));
        table.add("DeleteFilter", r -> {
            filters.delete(r.string("filterArn"));
            return Json.object();
        });
    }

    private static ObjectNode filter(Filter f) {
        return summary(f).put("filterExpression", f.expression().expression());
    }

    private static ObjectNode summary(Filter f) {
        ObjectNode n = Json.object().put("name", f.name()).put("filterArn", f.arn()).put("datasetGroupArn", f.groupArn());
        return Shapes.progress(n, f.progress());
    }
}
