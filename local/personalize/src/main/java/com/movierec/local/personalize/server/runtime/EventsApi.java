package com.movierec.local.personalize.server.runtime;

import com.movierec.local.personalize.engine.EventIngest;
import com.movierec.local.personalize.server.Json;
import com.movierec.local.personalize.server.RequestFields;
import com.movierec.local.personalize.server.Responses;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;

/** personalize-events over REST-JSON: {@code POST /events} (PutEvents), answered with an empty 200. */
public final class EventsApi {
    public static final String EVENTS = "/events";

    private final EventIngest ingest;

    public EventsApi(EventIngest ingest) {
        this.ingest = ingest;
    }

    public void putEvents(HttpExchange exchange, byte[] body) throws IOException {
        RequestFields r = new RequestFields(Json.parse(body));
        List<RequestFields> events = r.objects("eventList");
        ingest.put(r.string("trackingId"), r.string("userId"), r.string("sessionId"), events == null ? null
                : events.stream().map(e -> new EventIngest.Event(e.string("eventType"), e.string("itemId"),
                        e.instant("sentAt"), e.floatValue("eventValue"))).toList());
        Responses.send(exchange, "application/json", 200, new byte[0]);
    }
}
