package org.sngw.sn.gateway;

import java.util.List;
import java.util.function.Predicate;
import org.sngw.broker.AccessRules;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIdentity.Origin;
import org.sngw.broker.TopicPattern;
import org.sngw.broker.topic.Topics;

/**
 * Where MQTT-SN sensors may publish, subscribe and receive ({@code mqtt-sn.sensor-topics}):
 * topics matching one of the patterns, such as {@code sensors/%c/#}. Other clients are not its
 * concern: it lets them do anything, and is meant to be combined with the other rules through
 * {@link AccessRules#allOf}.
 */
public final class SensorTopics implements AccessRules {
  /** Any topic but the gateway's {@code $} ones, which {@code #} does not match. */
  public static final List<TopicPattern> ANY = List.of(new TopicPattern("#"));

  private final List<TopicPattern> patterns;

  public SensorTopics(List<TopicPattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  @Override
  public boolean mayPublish(ClientIdentity client, String topic) {
    return isNotSensor(client) || anyFilter(client, filter -> Topics.matches(filter, topic));
  }

  @Override
  public boolean maySubscribe(ClientIdentity client, String filter) {
    return isNotSensor(client) || anyFilter(client, own -> Topics.covers(own, filter));
  }

  @Override
  public boolean mayReceive(ClientIdentity client, String topic) {
    return mayPublish(client, topic);
  }

  private static boolean isNotSensor(ClientIdentity client) {
    return client.origin() != Origin.MQTT_SN;
  }

  private boolean anyFilter(ClientIdentity client, Predicate<String> test) {
    for (TopicPattern pattern : patterns) {
      if (pattern.filterFor(client).filter(test).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
