package org.sngw.transport.serial;

import java.util.Optional;

/**
 * The line the port thread has open, if any, shared with the writer thread, which passes a failed
 * write back here for the port thread to act on: only the port thread opens and closes lines.
 */
final class ActiveLine {
  private record Failure(SerialLine line, String reason) {}

  private volatile SerialLine line;
  private volatile Failure failure;

  /** The open line, or empty while the port is missing or being reopened. */
  Optional<SerialLine> get() {
    return Optional.ofNullable(line);
  }

  void set(SerialLine opened) {
    failure = null;
    line = opened;
  }

  void clear() {
    line = null;
  }

  /** A write on {@code failed} did not go through; the port thread will see it with {@link #failure}. */
  void writeFailed(SerialLine failed, String reason) {
    failure = new Failure(failed, reason);
  }

  /** Why a write on {@code current} failed, if one did; failures of lines closed since don't count. */
  Optional<String> failure(SerialLine current) {
    Failure seen = failure;
    return seen != null && seen.line() == current ? Optional.of(seen.reason()) : Optional.empty();
  }
}
