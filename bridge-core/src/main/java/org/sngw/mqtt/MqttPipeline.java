package org.sngw.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;

/**
 * The handlers every MQTT connection starts with, in one place so that the listener and the fuzz
 * test of what it does with untrusted bytes build the same pipeline.
 */
final class MqttPipeline {
  /** A connection that has not sent CONNECT this long after accept is dropped, so sockets cannot pile up. */
  static final long CONNECT_TIMEOUT_SECONDS = 10;

  private MqttPipeline() {}

  static void init(ChannelPipeline pipeline, int maxMessageBytes, ConnectHandler connect) {
    pipeline
        .addLast(ConnectHandler.TIMEOUT, new ConnectDeadline(CONNECT_TIMEOUT_SECONDS))
        .addLast("decoder", new MqttDecoder(maxMessageBytes))
        .addLast("encoder", MqttEncoder.INSTANCE)
        .addLast("connect", connect);
  }
}
