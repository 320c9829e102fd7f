package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.personalize.server.RequestFields;

/** One control-plane operation: its request members in, its response members out. */
@FunctionalInterface
interface Operation {
    JsonNode handle(RequestFields request);
}
