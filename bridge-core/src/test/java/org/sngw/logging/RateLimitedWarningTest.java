package org.sngw.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.sngw.time.VirtualTime;

class RateLimitedWarningTest {
  private final VirtualTime time = new VirtualTime();
  private final RecordingLogger log = new RecordingLogger();
  private final RateLimitedWarning warning = new RateLimitedWarning(log, Duration.ofSeconds(10), time);

  @Test
  void warn_first_isLogged() {
    warning.warn("refused {}", "a");

    assertThat(log.lines).containsExactly("refused a");
  }

  @Test
  void warn_againWithinTheInterval_isLeftOut() {
    warning.warn("refused {}", "a");
    time.advance(Duration.ofSeconds(9));
    warning.warn("refused {}", "b");

    assertThat(log.lines).containsExactly("refused a");
  }

  @Test
  void warn_afterTheInterval_isLoggedSayingHowManyWereLeftOut() {
    warning.warn("refused {}", "a");
    warning.warn("refused {}", "b");
    warning.warn("refused {}", "c");
    time.advance(Duration.ofSeconds(10));
    warning.warn("refused {}", "d");
    time.advance(Duration.ofSeconds(10));
    warning.warn("refused {}", "e");

    assertThat(log.lines).containsExactly("refused a", "refused d (2 more like it not logged)", "refused e");
  }

  /** Keeps the WARN lines as they would be printed. */
  private static final class RecordingLogger extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String format, Object[] arguments,
        Throwable throwable) {
      if (level == Level.WARN) {
        lines.add(MessageFormatter.basicArrayFormat(format, arguments));
      }
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
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
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return false;
    }
  }
}
