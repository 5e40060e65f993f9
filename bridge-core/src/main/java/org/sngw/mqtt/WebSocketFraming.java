package org.sngw.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.concurrent.TimeUnit;

/**
 * The handlers before the MQTT decoder on a WebSocket listener: the HTTP upgrade at {@link #PATH}
 * with subprotocol {@code mqtt} (or 3.1's {@code mqttv3.1}), then binary frames as one byte
 * stream. Everything a client can make the gateway hold is bounded: the request line, headers and
 * body of the upgrade, the handshake's time and each frame's size.
 */
final class WebSocketFraming {
  static final String PATH = "/mqtt";
  /** What MQTT 3.1.1 (section 6) and MQTT 3.1 clients ask for, the server choosing the first it knows. */
  static final String SUBPROTOCOLS = "mqtt,mqttv3.1";
  /** A browser's upgrade request, cookies included, is a few hundred bytes; the same bounds as the metrics endpoint. */
  private static final int MAX_REQUEST_LINE = 4096;
  private static final int MAX_HEADER_BYTES = 8192;
  /** An upgrade has no body; a little room so that a stray POST gets its 403 rather than a 413. */
  private static final int MAX_BODY_BYTES = 1024;
  /** A fixed header: the type byte and up to four bytes of remaining length. */
  private static final int MAX_FIXED_HEADER_BYTES = 5;

  private WebSocketFraming() {}

  /**
   * A frame may carry at most one packet of the largest size allowed, with its fixed header, so
   * that the decoder's bound, not the frame's, is what a client meets.
   */
  static void addTo(ChannelPipeline pipeline, int maxMessageBytes) {
    WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(PATH)
        .subprotocols(SUBPROTOCOLS)
        .handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(MqttPipeline.CONNECT_TIMEOUT_SECONDS))
        .maxFramePayloadLength(maxMessageBytes + MAX_FIXED_HEADER_BYTES)
        .build();
    pipeline
        .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_REQUEST_LINE)
            .setMaxHeaderSize(MAX_HEADER_BYTES)))
        .addLast("http-aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
        .addLast("websocket", new WebSocketServerProtocolHandler(config))
        .addLast("not-websocket", HttpRefusal.INSTANCE)
        .addLast("frames", new WebSocketFrames());
  }
}
