package com.movierec.lifecycle.testing;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Captures everything the Lambdas log, rendered by the production log4j2.xml's Powertools JSON layout, with every
 * logger opened up to DEBUG so nothing a sampled debug run would print escapes the check.
 */
public final class LogCapture implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final StringWriter out = new StringWriter();

    public LogCapture() {
        Configuration config = context.getConfiguration();
        Layout<?> layout = config.getAppender("JsonAppender").getLayout();
        WriterAppender appender = WriterAppender.newBuilder().setName("capture").setTarget(out).setLayout(layout).build();
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.addAppender(appender, Level.ALL, null);
            logger.setLevel(Level.DEBUG);
        }
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        config.getRootLogger().setLevel(Level.DEBUG);
        context.updateLoggers();
    }

    public String output() {
        return out.toString();
    }

    /** Back to log4j2.xml as shipped. */
    @Override
    public void close() {
        context.reconfigure();
    }
}
