package org.sngw.transport.serial;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens the lines it was given in turn; with none left the port is missing. */
final class ScriptedOpener implements LineOpener {
  final AtomicInteger attempts = new AtomicInteger();
  private final Queue<SerialLine> lines = new ConcurrentLinkedQueue<>();

  ScriptedOpener thenOpens(SerialLine line) {
    lines.add(line);
    return this;
  }

  @Override
  public SerialLine open() throws IOException {
    attempts.incrementAndGet();
    SerialLine next = lines.poll();
    if (next == null) {
      throw new IOException("no such device");
    }
    return next;
  }
}
