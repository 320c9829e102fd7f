package com.movierec.local.personalize.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.movierec.local.personalize.engine.ErrorType;
import com.movierec.local.personalize.engine.PersonalizeException;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** List* pagination: {@code maxResults} (1-100, default 100) items from {@code nextToken}'s offset. */
final class Pages {
    private static final int MAX_RESULTS = 100;
    private static final String TOKEN_PREFIX = "offset:";

    private Pages() {
    }

    /** A page of {@code all} under {@code listField}, with a nextToken when more follow. */
    static <T> ObjectNode page(RequestFields request, String listField, List<T> all, Function<T, JsonNode> shape) {
        Integer max = request.integer("maxResults"); // 1 to 100, as the model requires
        int size = max == null ? MAX_RESULTS : max;
        int from = offset(request.string("nextToken"), all.size());
        int to = Math.min(all.size(), from + size);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray(listField);
        all.subList(from, to).forEach(item -> items.add(shape.apply(item)));
        if (to < all.size()) {
            out.put("nextToken", Base64.getUrlEncoder().encodeToString((TOKEN_PREFIX + to)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int offset(String token, int size) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new PersonalizeException(ErrorType.INVALID_NEXT_TOKEN, "The nextToken is not valid for this list.");
    }
}
