package com.movierec.local.personalize.server;

import com.movierec.local.personalize.engine.ErrorType;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.local.personalize.model.PersonalizeModels;
import com.movierec.local.personalize.model.PersonalizeModels.ModelOperation;
import com.movierec.local.personalize.model.RequestValidator;
import com.movierec.local.personalize.model.ValidationMessage;
import com.movierec.local.personalize.model.Violation;
import com.movierec.local.personalize.model.WireTypeException;
import com.movierec.local.personalize.server.control.ControlPlane;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Optional;

/**
 * Checks every API request against the operation's input shape in AWS's published service model before the engine
 * sees it, as AWS's front end does before the service does.
 *
 * <p>The answer is the front end's, not the one the model lists: Personalize's models declare InvalidInputException
 * for their operations, but constraint violations never reach the service; AWS's validation layer refuses them
 * with {@code ValidationException} (HTTP 400, "1 validation error detected: Value 'x' at 'name' failed to satisfy
 * constraint: ..."), for the AWS JSON control plane and the REST-JSON runtime and events APIs alike, and a member
 * of the wrong JSON type with {@code SerializationException}. Requests for operations the models do not know are
 * left to the router, which answers them as unknown.
 */
public final class ModelValidation {
    private final PersonalizeModels models;

    public ModelValidation(PersonalizeModels models) {
        this.models = models;
    }

    /**
     * @throws PersonalizeException ValidationException listing every violation with its member's path, or
     *                              SerializationException for a member of the wrong JSON type
     */
    public void check(HttpExchange exchange, String path, byte[] body) {
        Optional<ModelOperation> operation = path.equals("/")
                ? models.byTarget(exchange.getRequestHeaders().getFirst(ControlPlane.TARGET_HEADER))
                : models.byRest(exchange.getRequestMethod(), path);
        if (operation.isEmpty() || operation.get().operation().input() == null) {
            return; // unknown to the models (the router answers it), or an operation that takes no input
        }
        List<Violation> violations;
        try {
            violations = RequestValidator.validate(operation.get().service(), operation.get().input(),
                    Json.parse(body));
        } catch (WireTypeException e) {
            throw new PersonalizeException(ErrorType.SERIALIZATION, e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new PersonalizeException(ErrorType.VALIDATION, ValidationMessage.of(violations));
        }
    }
}
