package org.sngw.logging;

import java.time.Duration;

/** How log lines write values, the same in every module. */
public final class LogFormat {
  private LogFormat() {}

  /** Whole seconds as {@code 30 s}, anything finer as {@code 250 ms}. */
  public static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
