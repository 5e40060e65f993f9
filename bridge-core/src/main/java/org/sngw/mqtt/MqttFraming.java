package org.sngw.mqtt;

import io.netty.channel.ChannelPipeline;
import java.net.InetSocketAddress;

/** How MQTT packets travel on a listener's connections; every other handler is the same for each. */
public enum MqttFraming {
  /** Straight on the TCP stream. */
  TCP("MQTT"),
  /** In binary WebSocket frames, after an HTTP upgrade at {@value WebSocketFraming#PATH}. */
  WEBSOCKET("MQTT over WebSocket");

  private final String label;

  MqttFraming(String label) {
    this.label = label;
  }

  /** What the log calls a listener of this kind. */
  String label() {
    return label;
  }

  /** Adds the handlers that turn the connection's bytes into the MQTT byte stream, and back. */
  void addTo(ChannelPipeline pipeline, int maxMessageBytes) {
    if (this == WEBSOCKET) {
      WebSocketFraming.addTo(pipeline, maxMessageBytes);
    }
  }

  /** Where clients reach a listener bound to {@code address}: a URL for WebSocket, as browsers take it. */
  String where(InetSocketAddress address, boolean tls) {
    String host = address.getHostString();
    if (this == TCP) {
      return host + ":" + address.getPort();
    }
    String bracketed = host.contains(":") ? "[" + host + "]" : host;
    return (tls ? "wss://" : "ws://") + bracketed + ":" + address.getPort() + WebSocketFraming.PATH;
  }
}
