package org.sngw.store;

import java.util.Map;
import org.sngw.broker.RestoredState;

/**
 * Everything a {@link StateStore} kept, as read back at start.
 *
 * @param broker what the broker rebuilds
 * @param topicIds the MQTT-SN topic ids of persistent sensors: client id → topic id → topic name
 */
public record StoredState(RestoredState broker, Map<String, Map<Integer, String>> topicIds) {
  public StoredState {
    topicIds = Map.copyOf(topicIds);
  }

  public static StoredState empty() {
    return new StoredState(RestoredState.empty(), Map.of());
  }
}
