package com.movierec.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Runs the handlers as Lambda would, through their no-argument constructors, inside a JVM whose classpath is the
 * shaded jar: {@link ShadedJarIT} starts it. args[0] is a watcher input, args[1] an onEvent event.
 */
public final class ShadedJarProbe {
    private ShadedJarProbe() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        TypeReference<Map<String, Object>> map = new TypeReference<>() { };
        new WatcherHandler().handleRequest(json.readValue(args[0], map), null);
        new OnEventHandler().handleRequest(json.readValue(args[1], map), null);
    }
}
