package org.sngw.sim;

import java.util.ArrayList;
import java.util.List;
import org.sngw.broker.Subscription;
import org.sngw.broker.topic.Topics;
import org.sngw.message.Qos;

/**
 * Which acknowledged message each subscriber is owed, and how: at least once (QoS 1) or exactly once
 * (QoS 2), the lower of the message's QoS and the subscription's. Only a message its publisher saw
 * acknowledged makes a claim. A subscriber is owed it when its subscription stood before the message
 * was first sent (so before the broker can have routed it) and the subscriber was still there to
 * take it:
 *
 * <ul>
 *   <li>an MQTT application: attached throughout, so always; one that vanished is owed nothing;
 *   <li>a sensor with a persistent session: from its first SUBACK for the filter, as long as it has
 *       not left for good (the session, and what is queued in it, outlives lost connections);
 *   <li>a sensor with a clean session: only if the gateway connection that subscribed is still
 *       attached; a lost clean connection takes its queued messages with it.
 * </ul>
 */
final class Claims {
  record Claim(String subscriber, Publication publication, Qos qos) {
    /** Live (not retained-on-subscribe) receptions of the message by the subscriber. */
    long received(Ledger ledger) {
      return ledger.receptionsOf(subscriber).stream()
          .filter(r -> !r.retained() && r.payload().equals(publication.payload()))
          .count();
    }
  }

  private Claims() {}

  /** What is owed as of {@code nanos}, judging clean sensors' connections as they stand then. */
  static List<Claim> owed(Ledger ledger, List<MqttSubscriber> apps, List<SimSensor> sensors, BrokerProbe probe, long nanos) {
    List<Claim> claims = new ArrayList<>();
    for (Publication publication : ledger.publications()) {
      if (!publication.acked() || publication.qos() == Qos.AT_MOST_ONCE) {
        continue;
      }
      for (MqttSubscriber app : apps) {
        if (app.pace() != Scenario.Pace.VANISHED) {
          add(claims, app.name(), publication, appGrant(app, publication));
        }
      }
      for (SimSensor sensor : sensors) {
        if (sensor.state() != SimSensor.State.GONE) {
          Qos granted = sensor.plan().cleanSession()
              ? cleanGrant(probe, sensor, publication, nanos)
              : persistentGrant(sensor, publication);
          add(claims, sensor.name(), publication, granted);
        }
      }
    }
    return claims;
  }

  /** Whether every claim has at least one reception (exactly once is judged at the end). */
  static boolean allReceived(List<Claim> claims, Ledger ledger) {
    return claims.stream().allMatch(claim -> claim.received(ledger) > 0);
  }

  private static void add(List<Claim> claims, String subscriber, Publication publication, Qos granted) {
    if (granted != null && granted != Qos.AT_MOST_ONCE) {
      claims.add(new Claim(subscriber, publication, publication.qos().min(granted)));
    }
  }

  private static Qos appGrant(MqttSubscriber app, Publication publication) {
    Qos best = null;
    for (Subscription subscription : app.subscriptions()) {
      if (Topics.matches(subscription.filter(), publication.topic())) {
        best = max(best, subscription.qos());
      }
    }
    return best;
  }

  private static Qos persistentGrant(SimSensor sensor, Publication publication) {
    Qos best = null;
    for (SimSensor.Grant grant : sensor.grants()) {
      if (grant.nanos() < publication.firstSentNanos() && Topics.matches(grant.filter(), publication.topic())) {
        best = max(best, grant.qos());
      }
    }
    return best;
  }

  private static Qos cleanGrant(BrokerProbe probe, SimSensor sensor, Publication publication, long nanos) {
    Qos best = null;
    for (BrokerProbe.Connection connection : probe.connectionsOf(sensor.plan().clientId())) {
      if (!connection.openAt(nanos)) {
        continue;
      }
      for (BrokerProbe.Subscribed subscribed : connection.subscribed) {
        if (subscribed.nanos() < publication.firstSentNanos() && Topics.matches(subscribed.filter(), publication.topic())) {
          best = max(best, subscribed.qos());
        }
      }
    }
    return best;
  }

  private static Qos max(Qos a, Qos b) {
    return a == null || b.compareTo(a) > 0 ? b : a;
  }
}
