package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a sensor last published to each topic, for the status page: the most recently used
 * {@link #MAX_TOPICS} topics, and of each value its first {@link #MAX_BYTES} bytes, so a sensor
 * costs a bounded few KB however many topics or large payloads it sends. Owned by the core loop.
 */
final class LastValues {
  static final int MAX_TOPICS = 32;
  static final int MAX_BYTES = 64;

  /**
   * The first bytes of the last payload to one topic, its whole length, and when it arrived on the
   * gateway's clock. Overwritten in place by the next, so a sensor's steady stream of readings
   * costs no allocation here.
   */
  static final class Sample {
    private final byte[] head = new byte[MAX_BYTES];
    private int kept;
    private int length;
    private long atNanos;

    private void take(byte[] payload, long arrived) {
      kept = Math.min(payload.length, MAX_BYTES);
      System.arraycopy(payload, 0, head, 0, kept);
      length = payload.length;
      atNanos = arrived;
    }

    long atNanos() {
      return atNanos;
    }

    /** Printable UTF-8 as it is, anything else as hex; {@code …} marks a value cut short. */
    String text() {
      String cut = length > kept ? "\u2026" : "";
      return printable().map(text -> text + cut)
          .orElseGet(() -> "0x" + HexFormat.of().formatHex(head, 0, kept) + cut);
    }

    private Optional<String> printable() {
      // A cut can split the last character: up to 3 bytes of it may be left over.
      int drop = length > kept ? Math.min(3, kept) : 0;
      for (int cut = 0; cut <= drop; cut++) {
        try {
          String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(head, 0, kept - cut)).toString();
          return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\t') ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
          // not UTF-8 this far: try one byte less, then give up on text
        }
      }
      return Optional.empty();
    }
  }

  private final Map<String, Sample> byTopic = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Sample> eldest) {
      return size() > MAX_TOPICS;
    }
  };

  void record(String topic, byte[] payload, long atNanos) {
    byTopic.computeIfAbsent(topic, first -> new Sample()).take(payload, atNanos);
  }

  Optional<Sample> of(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  /** The topics with a value, least recently published first. */
  Iterable<String> topics() {
    return byTopic.keySet();
  }
}
