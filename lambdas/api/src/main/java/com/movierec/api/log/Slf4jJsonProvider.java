package com.movierec.api.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of this jar (registered in META-INF/services): the AWS SDK logs through SLF4J, and its
 * warnings and errors become {@link JsonLog} lines with the logger's name in {@code logger}. Below WARN nothing is
 * written whatever {@code POWERTOOLS_LOG_LEVEL} says: the SDK's debug output is voluminous and describes requests.
 * Without a provider SLF4J would print a notice to stderr on every cold start and drop the SDK's warnings.
 */
public final class Slf4jJsonProvider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = SdkLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: JsonLog writes to standard output.
    }

    /** One named SLF4J logger: WARN and ERROR go to JsonLog (if its level lets them), the rest is dropped. */
    static final class SdkLogger extends LegacyAbstractLogger implements Logger {
        private static final long serialVersionUID = 1L;

        SdkLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return JsonLog.enabled(JsonLog.Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return JsonLog.enabled(JsonLog.Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            JsonLog.Level mapped = switch (level) {
                case ERROR -> JsonLog.Level.ERROR;
                case WARN -> JsonLog.Level.WARN;
                default -> null;
            };
            if (mapped != null) {
                JsonLog.write(mapped, MessageFormatter.basicArrayFormat(pattern, arguments), throwable, "logger", name);
            }
        }
    }
}
