package com.movierec.local.personalize.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.datasetimport.S3Location;
import com.movierec.local.personalize.engine.transitions.JobFailure;
import com.movierec.local.personalize.recipe.ScoredItem;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch inference job's files, as "Preparing input data for batch recommendations" and "Batch inference job output
 * examples" describe them: JSON Lines in, one object per line ({@code {"userId": ...}} for user personalization and
 * popularity, {@code {"itemId": ...}} for related items, {@code {"userId": ..., "itemList": [...]}} for ranking,
 * with optional {@code filterValues}); one line out per line in, {@code {"input": <the line>, "output":
 * {"recommendedItems": [...], "scores": [...]}, "error": null}}. {@code context} is read and ignored, as the runtime
 * ignores it.
 *
 * <p>Not verified against the service (no AWS account here): the wording of the error of a line the recipe cannot
 * answer (written as {@code "output": null, "error": <message>}, the documented output's {@code error} member), and
 * that a line that is not a JSON object fails the whole job.
 */
final class BatchFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input line's members. */
    record Line(String userId, String itemId, List<String> itemList, Map<String, String> filterValues) {
    }

    private final S3Location input;
    private final S3Location output;
    private final Path s3Root;

    BatchFile(S3Location input, S3Location output, Path s3Root) {
        this.input = input;
        this.output = output;
        this.s3Root = s3Root;
    }

    /**
     * Answers every input line with {@code answer} and writes the output file.
     *
     * @throws JobFailure when the input is missing or unreadable, or the output cannot be written
     */
    void write(Function<Line, RuntimeAnswer> answer) {
        Path in = input.resolve(s3Root);
        if (!Files.isRegularFile(in)) {
            throw new JobFailure("Input file not found: " + input.uri() + " does not exist (personalize-local "
                    + "looked for " + in + "). Upload the JSON Lines file there, or check the bucket and key.");
        }
        Path out = output.resolve(s3Root);
        try {
            Files.createDirectories(out.getParent());
            // Through a temporary file, so a reader of the output never sees half of it.
            Path partial = out.resolveSibling("." + out.getFileName() + ".partial");
            try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                 BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                String text;
                int number = 0;
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    writer.write(JSON.writeValueAsString(answerLine(parse(text, number), answer)));
                    writer.write('\n');
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new JobFailure("Cannot read " + input.uri() + " or write " + output.uri() + ": " + e.getMessage());
        }
    }

    private ObjectNode parse(String text, int number) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below, with the line
        }
        throw new JobFailure("Line " + number + " of " + input.uri() + " is not a JSON object: " + text);
    }

    private static ObjectNode answerLine(ObjectNode in, Function<Line, RuntimeAnswer> answer) {
        ObjectNode line = JSON.createObjectNode();
        line.set("input", in);
        try {
            RuntimeAnswer result = answer.apply(line(in));
            ObjectNode output = line.putObject("output");
            ArrayNode items = output.putArray("recommendedItems");
            result.items().forEach(item -> items.add(item.itemId()));
            if (result.scored()) {
                // A parallel list: an item added only to fill the list keeps its 0 here, where the runtime omits it.
                ArrayNode scores = output.putArray("scores");
                result.items().stream().map(ScoredItem::score).forEach(scores::add);
            }
            line.putNull("error");
        } catch (PersonalizeException e) {
            line.putNull("output");
            line.put("error", e.getMessage());
        }
        return line;
    }

    private static Line line(ObjectNode in) {
        return new Line(text(in, "userId"), text(in, "itemId"), strings(in.get("itemList")),
                values(in.get("filterValues")));
    }

    private static String text(ObjectNode in, String field) {
        JsonNode value = in.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static Map<String, String> values(JsonNode map) {
        if (map == null || !map.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
