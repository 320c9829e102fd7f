package com.movierec.local.deployer.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of a template's Outputs, unresolved.
 *
 * @param exportName the Export.Name expression, when the output is exported to other stacks
 */
public record TemplateOutput(String name, JsonNode value, Optional<JsonNode> exportName, Optional<String> condition) {
}
