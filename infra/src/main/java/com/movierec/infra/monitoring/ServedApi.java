package com.movierec.infra.monitoring;

import com.movierec.infra.api.ApiStack;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.lambda.Alias;

/**
 * What the API's alarms and dashboard watch: the REST API (its name and stage are the {@code AWS/ApiGateway}
 * dimensions) and the Lambda alias API Gateway invokes (the {@code AWS/Lambda} metrics of that alias).
 */
public record ServedApi(RestApi restApi, Alias handler) {

    public ServedApi {
        Objects.requireNonNull(restApi, "restApi");
        Objects.requireNonNull(handler, "handler");
    }

    /** The API stack's REST API and the one Lambda alias in the stack, the one its integrations invoke. */
    public static ServedApi of(ApiStack stack) {
        List<Alias> aliases = stack.getNode().findAll().stream()
                .filter(Alias.class::isInstance).map(Alias.class::cast).toList();
        if (aliases.size() != 1) {
            throw new IllegalStateException(stack.getStackName() + " holds " + aliases.size() + " Lambda aliases: "
                    + "the API's monitoring watches the one alias API Gateway invokes");
        }
        return new ServedApi(stack.restApi(), aliases.get(0));
    }
}
