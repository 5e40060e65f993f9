package org.sngw.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What an in-process gateway logs, for assertions: slf4j-simple writes each line to whatever
 * {@code System.err} is at that moment, so a tee there sees it; the lines still reach the console.
 */
final class CapturedLog implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  private CapturedLog() {
    System.setErr(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
  }

  static CapturedLog start() {
    return new CapturedLog();
  }

  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }

  private final class Tee extends OutputStream {
    @Override
    public void write(int b) {
      original.write(b);
      synchronized (copy) {
        copy.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      synchronized (copy) {
        copy.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
