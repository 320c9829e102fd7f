package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;

/** A policy document and the name it is known by (an inline policy's name, a managed policy's ARN). */
public record NamedPolicy(String name, JsonNode document) {
}
