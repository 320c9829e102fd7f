package com.movierec.lifecycle.resources;

import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateFilterRequest;
import software.amazon.awssdk.services.personalize.model.DeleteFilterRequest;
import software.amazon.awssdk.services.personalize.model.DescribeFilterRequest;
import software.amazon.awssdk.services.personalize.model.Filter;

/** {@code Custom::PersonalizeFilter}: Name, DatasetGroupArn, FilterExpression. Nothing changes in place. */
public final class FilterResource extends DescribedResource<Filter> {
    private final PersonalizeClient personalize;

    public FilterResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.FILTER, retry);
        this.personalize = personalize;
    }

    @Override
    protected PersonalizeClient tagging() {
        return personalize;
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        CreateFilterRequest request = CreateFilterRequest.builder()
                .name(properties.required("Name"))
                .datasetGroupArn(properties.required("DatasetGroupArn"))
                .filterExpression(properties.required("FilterExpression"))
                .tags(ResourceTags.forCreate(type, properties))
                .build();
        return call("CreateFilter", () -> personalize.createFilter(request)).filterArn();
    }

    @Override
    protected Optional<Filter> describe(String arn) {
        return found(() -> call("DescribeFilter", () -> personalize.describeFilter(
                DescribeFilterRequest.builder().filterArn(arn).build())).filter());
    }

    @Override
    protected String status(Filter filter) {
        return filter.status();
    }

    @Override
    protected String failureReason(Filter filter) {
        return filter.failureReason();
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteFilter", () -> personalize.deleteFilter(DeleteFilterRequest.builder().filterArn(arn).build()));
    }
}
