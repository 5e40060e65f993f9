package org.sngw.sim;

import java.time.Duration;
import java.util.List;
import org.sngw.broker.Subscription;
import org.sngw.config.BrokerConfig;
import org.sngw.config.MqttSnConfig;

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

  /** An MQTT application subscribed for the whole run. */
  record App(String name, List<Subscription> subscriptions) {}

  /** An MQTT application publishing its readings. */
  record Publisher(String name, List<Reading> readings) {}

  Scenario {
    sensors = List.copyOf(sensors);
    apps = List.copyOf(apps);
    publishers = List.copyOf(publishers);
  }
}
