package org.sngw.transport.serial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Port events as short strings, in order. */
final class RecordingEvents implements PortEvents {
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void opened() {
    events.add("opened");
  }

  @Override
  public void reopened() {
    events.add("reopened");
  }

  @Override
  public void unavailable(String reason) {
    events.add("unavailable: " + reason);
  }

  @Override
  public void stillUnavailable(String reason) {
    events.add("still unavailable: " + reason);
  }

  @Override
  public void lost(String reason, int peers) {
    events.add("lost: " + reason + ", " + peers + " peer(s)");
  }
}
