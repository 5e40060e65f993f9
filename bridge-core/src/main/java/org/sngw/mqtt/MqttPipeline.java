package org.sngw.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import java.time.Duration;
import org.sngw.runtime.AcceptDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers every MQTT connection starts with, in one place so that the listener and the fuzz
 * test of what it does with untrusted bytes build the same pipeline.
 */
final class MqttPipeline {
  /** A connection that has not sent CONNECT this long after accept is dropped, so sockets cannot pile up. */
  static final long CONNECT_TIMEOUT_SECONDS = 10;
  /** The pipeline slot of the encoder, which {@link ProtocolLevel} goes right after. */
  static final String ENCODER = "encoder";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS);
  private static final Logger log = LoggerFactory.getLogger(MqttPipeline.class);

  private MqttPipeline() {}

  static void init(ChannelPipeline pipeline, int maxMessageBytes, ConnectHandler connect) {
    pipeline
        .addLast(ConnectHandler.TIMEOUT, new AcceptDeadline(CONNECT_TIMEOUT, channel ->
            log.debug("closing {}: no CONNECT within {} s of accept", channel.remoteAddress(), CONNECT_TIMEOUT_SECONDS)))
        .addLast("decoder", new MqttDecoder(maxMessageBytes))
        .addLast(ENCODER, MqttEncoder.INSTANCE)
        .addLast("connect", connect);
  }
}
