package dev.backprop.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what one logger logs while open, without printing it; the logger's level and additivity are restored
 * on close.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level level;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        level = logger.getLevel();
        additive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    /** The messages logged at a level, formatted. */
    public List<String> messages(Level at) {
        return appender.list.stream()
                .filter(e -> e.getLevel() == at)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** The events logged at a level. */
    public List<ILoggingEvent> events(Level at) {
        return appender.list.stream().filter(e -> e.getLevel() == at).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
        logger.setAdditive(additive);
    }
}
