package com.movierec.local.personalize.engine;

import com.movierec.local.personalize.engine.state.DatasetGroup;
import com.movierec.local.personalize.engine.state.Filter;
import com.movierec.local.personalize.filter.FilterSyntaxException;
import com.movierec.local.personalize.filter.ItemFilter;
import java.util.List;

/** CreateFilter (the expression is parsed at once), DescribeFilter, ListFilters, DeleteFilter. */
public final class Filters {

    private final EngineContext ctx;

    Filters(EngineContext ctx) {
        this.ctx = ctx;
    }

    public Filter create(String name, String datasetGroupArn, String filterExpression) {
        ItemFilter expression;
        try {
            expression = ItemFilter.parse(filterExpression);
        } catch (FilterSyntaxException e) {
            throw PersonalizeException.invalidInput(e.getMessage());
        }
        synchronized (ctx.store) {
            DatasetGroup group = ctx.store.groups.require(datasetGroupArn);
            EngineContext.requireActive(group, "to hold filters");
            Filter filter = new Filter(ctx.arns.filter(name), name, ctx.store.nextSequence(), ctx.now(), group.arn(),
                    expression);
            ctx.store.filters.add(filter);
            ctx.transitions.create(filter);
            return filter;
        }
    }

    public Filter describe(String filterArn) {
        return ctx.store.filters.require(filterArn);
    }

    /** The group's filters, or every filter when {@code datasetGroupArn} is null. */
    public List<Filter> list(String datasetGroupArn) {
        if (datasetGroupArn != null) {
            ctx.store.groups.require(datasetGroupArn);
        }
        return ctx.store.filters.list(f -> datasetGroupArn == null || datasetGroupArn.equals(f.groupArn()));
    }

    public void delete(String filterArn) {
        synchronized (ctx.store) {
            Filter filter = describe(filterArn);
            EngineContext.requireDeletable(filter);
            ctx.transitions.delete(filter, () -> ctx.store.remove(filter));
        }
    }
}
