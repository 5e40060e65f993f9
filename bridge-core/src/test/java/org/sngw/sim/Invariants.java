package org.sngw.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * What the gateway and broker promise, judged at the end of a run, once the network is quiet. Each
 * check names what it found in terms a reader can follow in the trace.
 */
final class Invariants {
  /** Everything the checks look at. */
  record Facts(
      Ledger ledger,
      List<Claims.Claim> claims,
      BrokerProbe probe,
      List<SimSensor> sensors,
      Map<String, String> retained,
      long pendingTasks,
      int gatewaySessions,
      Map<String, Long> dropped) {}

  private final Facts facts;
  private final Ledger ledger;
  private final Set<String> violations = new LinkedHashSet<>();

  private Invariants(Facts facts) {
    this.facts = facts;
    this.ledger = facts.ledger();
  }

  static List<String> check(Facts facts) {
    Invariants invariants = new Invariants(facts);
    invariants.errorsSeen();
    invariants.quiet();
    invariants.integrity();
    invariants.claimsDelivered();
    invariants.nothingRefused();
    invariants.exactlyOnceAtMostOnce();
    invariants.retained();
    invariants.wills();
    return new ArrayList<>(invariants.violations);
  }

  private void errorsSeen() {
    ledger.errors().forEach(this::add);
  }

  /** All retries have run out: nothing is scheduled and the gateway holds no session. */
  private void quiet() {
    if (facts.pendingTasks() > 0) {
      add("not quiet at the end: " + facts.pendingTasks() + " tasks still scheduled");
    }
    if (facts.gatewaySessions() > 0) {
      add("not quiet at the end: the gateway still holds " + facts.gatewaySessions() + " sessions");
    }
  }

  /**
   * What arrives was published, on that topic, at no higher QoS; an acknowledged message was routed;
   * a QoS 2 message is routed at most once, however often its PUBLISH was resent.
   */
  private void integrity() {
    for (List<Reception> receptions : ledger.receptions().values()) {
      for (Reception reception : receptions) {
        Publication publication = ledger.publication(reception.payload());
        Message will = ledger.wills().get(reception.payload());
        String topic = publication != null ? publication.topic() : will != null ? will.topic() : null;
        Qos qos = publication != null ? publication.qos() : will != null ? will.qos() : null;
        if (topic == null) {
          add(reception.subscriber() + " received '" + reception.payload() + "', which nobody published");
        } else if (!topic.equals(reception.topic())) {
          add(reception.subscriber() + " received '" + reception.payload() + "' on " + reception.topic()
              + "; it was published on " + topic);
        } else if (reception.qos().compareTo(qos) > 0) {
          add(reception.subscriber() + " received '" + reception.payload() + "' at QoS "
              + reception.qos().value() + "; it was published at QoS " + qos.value());
        }
      }
    }
    for (Publication publication : ledger.publications()) {
      int routed = ledger.routedCount(publication.payload());
      if (publication.acked() && routed == 0) {
        add(publication + " was acknowledged to " + publication.publisher() + " at " + seconds(publication.ackedNanos())
            + " but the broker never routed it");
      }
      if (publication.qos() == Qos.EXACTLY_ONCE && routed > 1) {
        add("QoS 2 " + publication + " from " + publication.publisher() + " was routed " + routed + " times");
      }
    }
  }

  /**
   * Every claim: at least one live reception for QoS 1, exactly one for QoS 2; but a subscriber
   * whose queue ran over its bounds may miss as many messages as the broker counted dropped for it.
   */
  private void claimsDelivered() {
    Map<String, Long> missed = new HashMap<>();
    for (Claims.Claim claim : facts.claims()) {
      long received = claim.received(ledger);
      Publication publication = claim.publication();
      String what = "QoS " + claim.qos().value() + " " + publication + " acknowledged to " + publication.publisher()
          + " at " + seconds(publication.ackedNanos());
      if (received == 0) {
        long allowed = facts.dropped().getOrDefault(claim.subscriber(), 0L);
        if (missed.merge(claim.subscriber(), 1L, Long::sum) > allowed) {
          add(what + " never reached " + claim.subscriber() + " (" + allowed + " dropped for it)");
        }
      } else if (claim.qos() == Qos.EXACTLY_ONCE && received > 1) {
        add(what + " reached " + claim.subscriber() + " " + received + " times");
      }
    }
  }

  /**
   * No publisher is told congestion: the store budget is far from full in a run, and a subscriber
   * that cannot keep up costs only itself messages.
   */
  private void nothingRefused() {
    for (Publication publication : ledger.publications()) {
      if (publication.refused()) {
        add(publication + " from " + publication.publisher() + " was refused, yet the gateway was not full");
      }
    }
  }

  /** No subscriber receives a QoS 2 delivery twice, acknowledged to its publisher or not. */
  private void exactlyOnceAtMostOnce() {
    ledger.receptions().forEach((subscriber, receptions) -> {
      Map<String, Reception> first = new HashMap<>();
      for (Reception reception : receptions) {
        if (!reception.retained() && reception.qos() == Qos.EXACTLY_ONCE) {
          Reception earlier = first.putIfAbsent(reception.payload(), reception);
          if (earlier != null) {
            add(subscriber + " received QoS 2 '" + reception.payload() + "' again at " + seconds(reception.nanos())
                + ", first at " + seconds(earlier.nanos()));
          }
        }
      }
    });
  }

  /**
   * The retained message of each topic is the last retained write the broker routed, in routing
   * order (which with an immediate store is also the order in which it acknowledged them).
   */
  private void retained() {
    Map<String, String> expected = ledger.lastRetainedWrites();
    Set<String> topics = new TreeSet<>(expected.keySet());
    topics.addAll(facts.retained().keySet());
    for (String topic : topics) {
      String want = expected.get(topic);
      String got = facts.retained().get(topic);
      if (want == null || !want.equals(got)) {
        add("retained on " + topic + " is " + quoted(got) + "; the last retained write routed was " + quoted(want));
      }
    }
  }

  /**
   * Per gateway connection, as the gateway saw it end: lost means its will fires exactly once; a
   * DISCONNECT or a newer connection taking over means it never fires; the gateway takes a
   * connection as disconnected only if its sensor sent DISCONNECT; once quiet, no connection is left
   * attached. And from the sensors' side: one that vanished after its CONNACK has its will fired.
   * Only at least once: within one sensor episode the gateway may have accepted an earlier CONNECT
   * whose CONNACK was lost and then, the replacing handshake failing, lost that connection too.
   */
  private void wills() {
    Map<String, Integer> due = new HashMap<>();
    for (BrokerProbe.Connection connection : facts.probe().connections()) {
      if (connection.open()) {
        add(connection + " is still attached to the broker after everything went quiet"
            + (connection.will == null ? "" : ", so its will '" + Ledger.text(connection.will.payload()) + "' never fired"));
      }
      if (connection.will != null) {
        due.merge(Ledger.text(connection.will.payload()), connection.ending == BrokerProbe.Ending.LOST ? 1 : 0, Integer::sum);
      }
      if (connection.ending == BrokerProbe.Ending.DISCONNECTED) {
        Episode episode = episodeOf(connection);
        if (episode == null || !episode.disconnectSent) {
          add(connection + " ended as disconnected, but its sensor sent no DISCONNECT in " + episode);
        }
      }
    }
    due.forEach((will, expected) -> {
      int fired = ledger.routedCount(will);
      if (fired != expected) {
        add("will '" + will + "' fired " + fired + " times; its connections' endings call for " + expected);
      }
    });
    for (SimSensor sensor : facts.sensors()) {
      List<Episode> episodes = sensor.episodes();
      Episode last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
      if (last != null && last.end == Episode.End.VANISHED && last.connAcked && last.willPayload != null
          && ledger.routedCount(last.willPayload) == 0) {
        add(last + ": vanished after CONNACK, yet its will '" + last.willPayload + "' never fired");
      }
    }
  }

  private void add(String text) {
    violations.add(text);
  }

  private Episode episodeOf(BrokerProbe.Connection connection) {
    for (SimSensor sensor : facts.sensors()) {
      if (sensor.plan().clientId().equals(connection.clientId)) {
        Episode found = null;
        for (Episode episode : sensor.episodes()) {
          if (episode.startNanos <= connection.connectedNanos) {
            found = episode;
          }
        }
        return found;
      }
    }
    return null;
  }

  private static String quoted(String payload) {
    return payload == null ? "nothing" : "'" + payload + "'";
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
  }
}
