package org.sngw.sn.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sensors' sessions at one moment, counted on the core loop for {@code $SYS} and metrics.
 *
 * @param sensors sessions by transport name, then by state (one of {@link #STATES}); a state no
 *     session is in is left out
 * @param registrations topic names the connected sensors registered, all together
 */
public record SnCensus(Map<String, Map<String, Integer>> sensors, int registrations) {
  public static final SnCensus EMPTY = new SnCensus(Map.of(), 0);

  /** The states a counted session can be in, as {@link #sensors} names them. */
  public static final List<String> STATES = List.of("connecting", "active", "asleep", "awake");

  public SnCensus {
    sensors = Map.copyOf(sensors);
  }

  /** Sessions in {@code state} on each transport that has any session. */
  public Map<String, Long> inState(String state) {
    Map<String, Long> counts = new TreeMap<>();
    sensors.forEach((transport, states) -> counts.put(transport, (long) states.getOrDefault(state, 0)));
    return counts;
  }

  static String label(SnSession.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
