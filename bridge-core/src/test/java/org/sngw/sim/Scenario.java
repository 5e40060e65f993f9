package org.sngw.sim;

import java.time.Duration;
import java.util.List;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.Subscription;
import org.sngw.sn.gateway.MqttSnConfig;

/**
 * Everything a run is made of, fixed before it starts: drawn from a seed by {@link RandomScenario},
 * or written out by a focused test.
 *
 * @param readingsEnd every planned reading, departure and return falls before this; then the run
 *     waits for owed messages to arrive, winds the sensors down and lets the network go quiet
 */
record Scenario(
    NetworkProfile network,
    ScriptedFaults faults,
    MqttSnConfig gateway,
    BrokerConfig broker,
    List<SensorPlan> sensors,
    List<App> apps,
    List<Publisher> publishers,
    Duration readingsEnd) {

  /**
   * An MQTT application subscribed for the whole run, reading at its {@link Pace}.
   *
   * @param receiveMaximum an MQTT 5 client's Receive Maximum, its in-flight window; 0 for an MQTT
   *     3.1.1 client, whose window is the broker's for MQTT clients
   */
  record App(String name, List<Subscription> subscriptions, Pace pace, int receiveMaximum) {
    App(String name, List<Subscription> subscriptions) {
      this(name, subscriptions, Pace.PROMPT);
    }

    App(String name, List<Subscription> subscriptions, Pace pace) {
      this(name, subscriptions, pace, 0);
    }

    boolean mqtt5() {
      return receiveMaximum > 0;
    }
  }

  /** How an application reads what it is sent. */
  enum Pace {
    /** Acknowledges each delivery within 50 ms. */
    PROMPT,
    /**
     * Acknowledges each delivery only after 0.3 to 3 s, one at a time: its queue overflows, holds
     * publishers back, falls behind and loses its oldest messages, counted.
     */
    SLOW,
    /**
     * Subscribes with a persistent session and vanishes for good at once (a Home Assistant switched
     * off): its session fills to its bounds and drops its oldest, and nobody else may notice.
     */
    VANISHED
  }

  /** An MQTT application publishing its readings. */
  record Publisher(String name, List<Reading> readings) {}

  Scenario {
    sensors = List.copyOf(sensors);
    apps = List.copyOf(apps);
    publishers = List.copyOf(publishers);
  }
}
