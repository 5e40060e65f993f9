package org.sngw.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sngw.sn.codec.SnMessageType;
import org.sngw.sn.codec.SnPacket;

/**
 * Faults a focused scenario asks for by name ("lose the first PUBREC to a sensor"), applied on top
 * of the network's random fate, so a scenario exercises its case whatever the seed draws.
 */
final class ScriptedFaults {
  /** The copies that arrive, each this much after the datagram's normal delay; none when it is lost. */
  record Fault(List<Duration> copiesLater) {}

  private record Rule(Direction direction, SnMessageType type, int occurrence, Fault fault) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Map<Direction, Map<SnMessageType, Integer>> seen = new EnumMap<>(Direction.class);
  private int applied;

  static ScriptedFaults none() {
    return new ScriptedFaults();
  }

  /** Loses the {@code occurrence}-th (from 1) datagram of this type going this way. */
  ScriptedFaults lose(Direction direction, SnMessageType type, int occurrence) {
    return add(direction, type, occurrence);
  }

  /** Delivers the {@code occurrence}-th (from 1) datagram of this type going this way twice. */
  ScriptedFaults duplicate(Direction direction, SnMessageType type, int occurrence) {
    return add(direction, type, occurrence, Duration.ZERO, Duration.ZERO);
  }

  /** Delivers it twice, the copy {@code later} after the original: a copy that took a longer path. */
  ScriptedFaults duplicateLate(Direction direction, SnMessageType type, int occurrence, Duration later) {
    return add(direction, type, occurrence, Duration.ZERO, later);
  }

  /** Delivers it {@code later} than normal, so datagrams sent after it overtake it. */
  ScriptedFaults delay(Direction direction, SnMessageType type, int occurrence, Duration later) {
    return add(direction, type, occurrence, later);
  }

  /** The fault scripted for this datagram, or null. */
  Fault match(Direction direction, SnPacket packet) {
    if (rules.isEmpty()) {
      return null;
    }
    int occurrence = seen.computeIfAbsent(direction, d -> new EnumMap<>(SnMessageType.class))
        .merge(packet.type(), 1, Integer::sum);
    for (Rule rule : rules) {
      if (rule.direction() == direction && rule.type() == packet.type() && rule.occurrence() == occurrence) {
        applied++;
        return rule.fault();
      }
    }
    return null;
  }

  private ScriptedFaults add(Direction direction, SnMessageType type, int occurrence, Duration... copiesLater) {
    rules.add(new Rule(direction, type, occurrence, new Fault(List.of(copiesLater))));
    return this;
  }

  /** Whether every scripted fault met its datagram, i.e. the scenario really exercised them. */
  boolean allApplied() {
    return applied == rules.size();
  }
}
