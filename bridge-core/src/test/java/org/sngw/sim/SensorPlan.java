package org.sngw.sim;

import java.time.Duration;
import java.util.List;
import org.sngw.broker.Subscription;
import org.sngw.transport.PeerAddress;

/**
 * What one sensor will do in a run, fixed before it starts.
 *
 * @param address its UDP address, or a {@link org.sngw.transport.ForwardedPeer} behind a forwarder
 * @param willRetain meaningful only with {@code will}
 * @param retryInterval the sensor's Tretry; {@code retries} its Nretry
 * @param readings what its application publishes, and when
 * @param subscriptions asked for again at every connection, since a clean one starts with none
 * @param sleepSeconds 0 for a sensor that stays awake; otherwise it sleeps this long whenever it
 *     has nothing to do, waking before the time is up to fetch what the gateway buffered
 * @param leaveAt when {@code ending} happens; ignored for {@link Ending#STAY}
 * @param awayFor for {@link Ending#AWAY}: how long it stays disconnected before it comes back
 */
record SensorPlan(
    String name,
    PeerAddress address,
    boolean cleanSession,
    boolean will,
    boolean willRetain,
    int keepAliveSeconds,
    Duration retryInterval,
    int retries,
    Duration startAt,
    List<Reading> readings,
    List<Subscription> subscriptions,
    int sleepSeconds,
    Ending ending,
    Duration leaveAt,
    Duration awayFor) {

  /** How a sensor's run ends. */
  enum Ending {
    /** Stays until the run winds down, then disconnects. */
    STAY,
    /** Falls silent for good at {@code leaveAt}, whatever it is doing: a flat battery. */
    VANISH,
    /** Disconnects at {@code leaveAt} and never comes back. */
    DEPART,
    /** Disconnects at {@code leaveAt} and connects again {@code awayFor} later, then stays. */
    AWAY
  }

  SensorPlan {
    readings = List.copyOf(readings);
    subscriptions = List.copyOf(subscriptions);
  }

  String clientId() {
    return name;
  }

  String willTopic() {
    return "will/" + name;
  }
}
