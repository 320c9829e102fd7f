package com.movierec.lifecycle.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.lifecycle.core.CustomResourceEvent;
import com.movierec.lifecycle.core.Failure;
import com.movierec.lifecycle.core.Properties;
import com.movierec.lifecycle.core.Retry;
import com.movierec.schemas.contract.CustomResourceType;
import com.movierec.schemas.contract.PersonalizeStatus;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DatasetSchema;
import software.amazon.awssdk.services.personalize.model.DeleteSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaRequest;

/** {@code Custom::PersonalizeSchema}: Name, Schema (Avro JSON), Domain. Nothing changes in place. */
public final class SchemaResource extends DescribedResource<DatasetSchema> {
    private final PersonalizeClient personalize;

    public SchemaResource(PersonalizeClient personalize, Retry retry) {
        super(CustomResourceType.SCHEMA, retry);
        this.personalize = personalize;
    }

    @Override
    protected String create(CustomResourceEvent event) {
        Properties properties = event.properties();
        CreateSchemaRequest request = CreateSchemaRequest.builder()
                .name(properties.required("Name"))
                .schema(schema(properties))
                .domain(Domains.of(properties))
                .build();
        return call("CreateSchema", () -> personalize.createSchema(request)).schemaArn();
    }

    /** The Avro text as given, or the JSON of an object CloudFormation passed through. */
    private String schema(Properties properties) {
        JsonNode schema = properties.optionalJson("Schema")
                .orElseThrow(() -> Failure.property(type, "Schema", "is required"));
        if (!schema.isObject()) {
            throw Failure.property(type, "Schema", "must be an Avro record schema: a JSON object");
        }
        Object given = properties.asMap().get("Schema");
        return given instanceof String text ? text : schema.toString();
    }

    @Override
    protected Optional<DatasetSchema> describe(String arn) {
        return found(() -> call("DescribeSchema", () -> personalize.describeSchema(
                DescribeSchemaRequest.builder().schemaArn(arn).build())).schema());
    }

    /** A schema has no status: it is usable as soon as CreateSchema answers. */
    @Override
    protected String status(DatasetSchema schema) {
        return PersonalizeStatus.ACTIVE;
    }

    @Override
    protected String failureReason(DatasetSchema schema) {
        return null;
    }

    @Override
    protected void requestDelete(String arn) {
        run("DeleteSchema", () -> personalize.deleteSchema(DeleteSchemaRequest.builder().schemaArn(arn).build()));
    }
}
