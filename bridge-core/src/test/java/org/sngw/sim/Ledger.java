package org.sngw.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The ground truth of a run, as the observers saw it: what was published and acknowledged, what
 * each application received, every message the broker routed (in order) and protocol errors seen
 * on the way. The invariants judge from this alone.
 */
final class Ledger {
  private final Map<String, Publication> publications = new LinkedHashMap<>();
  /** Wills by payload: retain flag; a will is a publication nobody acknowledges. */
  private final Map<String, Message> wills = new LinkedHashMap<>();
  private final Map<String, List<Reception>> receptions = new LinkedHashMap<>();
  private final Map<String, Integer> routed = new HashMap<>();
  private final Map<String, String> lastRetainedWrite = new LinkedHashMap<>();
  private final List<String> errors = new ArrayList<>();

  Publication publication(String payload, String topic, Qos qos, boolean retain, String publisher) {
    Publication publication = new Publication(payload, topic, qos, retain, publisher);
    if (publications.putIfAbsent(payload, publication) != null) {
      throw new IllegalArgumentException("payload used twice: " + payload);
    }
    return publication;
  }

  void will(Message will) {
    wills.put(text(will.payload()), will);
  }

  void received(String subscriber, Message message, boolean retained, long nanos) {
    receptions.computeIfAbsent(subscriber, s -> new ArrayList<>())
        .add(new Reception(subscriber, text(message.payload()), message.topic(), message.qos(), retained, nanos));
  }

  /** The broker routed a message: told synchronously by a QoS 0 subscriber to {@code #}. */
  void routed(Message message) {
    String payload = text(message.payload());
    routed.merge(payload, 1, Integer::sum);
    Publication publication = publications.get(payload);
    Message will = wills.get(payload);
    if ((publication != null && publication.retain()) || (will != null && will.retain())) {
      lastRetainedWrite.put(message.topic(), payload);
    }
  }

  void error(String what) {
    errors.add(what);
  }

  Collection<Publication> publications() {
    return publications.values();
  }

  Publication publication(String payload) {
    return publications.get(payload);
  }

  Map<String, Message> wills() {
    return wills;
  }

  List<Reception> receptionsOf(String subscriber) {
    return receptions.getOrDefault(subscriber, List.of());
  }

  Map<String, List<Reception>> receptions() {
    return receptions;
  }

  /** How many times the broker routed the message with this payload. */
  int routedCount(String payload) {
    return routed.getOrDefault(payload, 0);
  }

  /** Per topic, the payload of the last retained write the broker routed. */
  Map<String, String> lastRetainedWrites() {
    return lastRetainedWrite;
  }

  List<String> errors() {
    return errors;
  }

  static String text(byte[] payload) {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
