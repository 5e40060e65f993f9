package org.sngw.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.concurrent.TimeUnit;

/**
 * The handlers every MQTT connection starts with, in one place so that the listener and the fuzz
 * test of what it does with untrusted bytes build the same pipeline.
 */
final class MqttPipeline {
  /** A connection that has not sent CONNECT by then is dropped, so idle sockets cannot pile up. */
  static final long CONNECT_TIMEOUT_SECONDS = 10;

  private MqttPipeline() {}

  static void init(ChannelPipeline pipeline, int maxMessageBytes, ConnectHandler connect) {
    pipeline
        .addLast(ConnectHandler.TIMEOUT, new ReadTimeoutHandler(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .addLast("decoder", new MqttDecoder(maxMessageBytes))
        .addLast("encoder", MqttEncoder.INSTANCE)
        .addLast("connect", connect);
  }
}
