package org.sngw.sn.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

  /** The first bytes of a payload, its whole length, and when it arrived on the gateway's clock. */
  record Sample(byte[] head, int length, long atNanos) {
    /** Printable UTF-8 as it is, anything else as hex; {@code …} marks a value cut short. */
    String text() {
      String cut = length > head.length ? "\u2026" : "";
      return printable(head).map(text -> text + cut).orElseGet(() -> "0x" + HexFormat.of().formatHex(head) + cut);
    }

    private Optional<String> printable(byte[] bytes) {
      // A cut can split the last character: up to 3 bytes of it may be left over.
      int drop = length > head.length ? Math.min(3, bytes.length) : 0;
      for (int cut = 0; cut <= drop; cut++) {
        try {
          String text = StandardCharsets.UTF_8.newDecoder()
              .decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut)).toString();
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
    byTopic.put(topic, new Sample(Arrays.copyOf(payload, Math.min(payload.length, MAX_BYTES)), payload.length, atNanos));
  }

  Optional<Sample> of(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  /** The topics with a value, least recently published first. */
  Iterable<String> topics() {
    return byTopic.keySet();
  }
}
