package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sensor as the status page shows it, taken on the core loop.
 *
 * @param transport the name of the transport it is on ({@code udp}, a serial port's, {@code ble})
 * @param address where it is on that transport (UDP address, serial port and radio node, BLE device)
 * @param state {@code connecting}, {@code active}, {@code asleep} or {@code awake} while it has a
 *     session; {@code lost} or {@code disconnected} once that ended
 * @param silentFor how long ago the gateway last heard from it
 * @param topics its registered topics and those it published to, with the last value of each;
 *     at most {@link #MAX_TOPICS}
 * @param topicCount how many topics there are in all, shown or not
 */
public record SensorView(String clientId, String transport, String address, String state, Duration silentFor,
    List<TopicValue> topics, int topicCount) {
  public static final int MAX_TOPICS = LastValues.MAX_TOPICS;

  public SensorView {
    Objects.requireNonNull(clientId, "clientId");
    topics = List.copyOf(topics);
  }

  /**
   * A topic and what was last published to it.
   *
   * @param value the payload as text when it is printable UTF-8, else as hex; cut to its first
   *     bytes, with {@code …} after
   * @param age how long ago it arrived
   */
  public record TopicValue(String topic, Optional<String> value, Optional<Duration> age) {
    TopicValue older(Duration more) {
      return new TopicValue(topic, value, age.map(a -> a.plus(more)));
    }
  }

  /** The same sensor, {@code more} later: for a session that ended and is remembered as it was. */
  SensorView older(Duration more) {
    return new SensorView(clientId, transport, address, state, silentFor.plus(more),
        topics.stream().map(topic -> topic.older(more)).toList(), topicCount);
  }
}
