package org.sngw.app.status;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The newest WARN and ERROR lines of the gateway's log, for the status page. The log is
 * slf4j-simple's, one line per event on standard error; a tee on standard error keeps the
 * newest {@link #KEPT} warning lines, each cut to {@link #MAX_LINE} characters. Installed once per
 * process, on first use.
 */
public final class RecentWarnings {
  static final int KEPT = 50;
  static final int MAX_LINE = 500;
  /** slf4j-simple's layout: an optional date, the thread in brackets, then the level. */
  private static final Pattern WARNING = Pattern.compile("^(?:\\S+ )?\\[[^\\]]*\\] (?:WARN|ERROR) .*", Pattern.DOTALL);
  private static RecentWarnings standardError;

  private final Deque<String> newestLast = new ArrayDeque<>();

  RecentWarnings() {}

  /** The warnings of this process's log, from the first call on. */
  public static synchronized RecentWarnings ofStandardError() {
    if (standardError == null) {
      standardError = new RecentWarnings();
      System.setErr(new Tee(System.err, standardError));
    }
    return standardError;
  }

  /** A line of the log: kept if it is a warning or an error. */
  void line(String line) {
    if (!WARNING.matcher(line).matches()) {
      return;
    }
    String kept = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "\u2026" : line;
    synchronized (newestLast) {
      newestLast.addLast(kept);
      if (newestLast.size() > KEPT) {
        newestLast.removeFirst();
      }
    }
  }

  /** Newest first. */
  public List<String> newestFirst() {
    synchronized (newestLast) {
      List<String> lines = new ArrayList<>(newestLast.size());
      newestLast.descendingIterator().forEachRemaining(lines::add);
      return lines;
    }
  }

  /** slf4j-simple writes each event with one println; everything passes through unchanged. */
  private static final class Tee extends PrintStream {
    private final RecentWarnings warnings;

    Tee(PrintStream out, RecentWarnings warnings) {
      super(out, true);
      this.warnings = warnings;
    }

    @Override
    public void println(String line) {
      super.println(line);
      if (line != null) {
        warnings.line(line);
      }
    }
  }
}
