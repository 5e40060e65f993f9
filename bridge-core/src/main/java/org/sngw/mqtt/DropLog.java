package org.sngw.mqtt;

import org.slf4j.Logger;

/**
 * Logs one client's dropped messages at most once per interval, with the count since the last
 * line, so a subscriber that stays behind is named without a line per message.
 */
final class DropLog {
  private static final long INTERVAL_NANOS = 10_000_000_000L;

  private final Logger log;
  private long lastLineNanos;
  private long unreported;
  private boolean logged;

  DropLog(Logger log) {
    this.log = log;
  }

  void dropped(String clientId, String why) {
    unreported++;
    long now = System.nanoTime();
    if (!logged || now - lastLineNanos >= INTERVAL_NANOS) {
      log.warn("client {}: {} message(s) dropped, {}", clientId, unreported, why);
      logged = true;
      lastLineNanos = now;
      unreported = 0;
    }
  }
}
