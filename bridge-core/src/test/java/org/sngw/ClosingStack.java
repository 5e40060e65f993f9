package org.sngw;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test started (daemons, ports, processes), closed in reverse order of starting, as the
 * gateway closes its own parts; each is closed even when an earlier one failed to close.
 */
public final class ClosingStack implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Keeps {@code resource} to close later and returns it. */
  public <T extends AutoCloseable> T push(T resource) {
    started.push(resource);
    return resource;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep closing the rest: no daemon, port or thread may outlive the test
      }
    }
  }
}
