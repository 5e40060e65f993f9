package org.sngw.sim;

import java.nio.charset.StandardCharsets;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.Register;
import org.sngw.sn.codec.SnTopic;

/** Packets as short trace lines; payloads are readable ids in the simulation, so shown as text. */
final class PacketText {
  private PacketText() {}

  static String of(SnPacket packet) {
    if (packet instanceof Publish p) {
      return "PUBLISH q" + p.qos().level() + (p.dup() ? " dup" : "") + (p.retain() ? " retain" : "")
          + " id=" + p.msgId() + " " + topic(p.topic()) + " '" + new String(p.data(), StandardCharsets.UTF_8) + "'";
    }
    if (packet instanceof Register r) {
      return "REGISTER id=" + r.msgId() + " topic=" + r.topicId() + " " + r.topicName();
    }
    return packet.toString();
  }

  private static String topic(SnTopic topic) {
    if (topic instanceof SnTopic.Registered r) {
      return "topic=" + r.id();
    } else if (topic instanceof SnTopic.Predefined p) {
      return "predefined=" + p.id();
    } else if (topic instanceof SnTopic.Short s) {
      return "short=" + s.name();
    }
    return topic.toString();
  }
}
