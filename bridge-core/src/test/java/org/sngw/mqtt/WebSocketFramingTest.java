package org.sngw.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sngw.auth.Authenticator;
import org.sngw.broker.BrokerConfig;

/**
 * The WebSocket listener's pipeline, byte for byte as a client sends it: the upgrade, then masked
 * frames, into the same MQTT handlers the TCP listener has.
 */
class WebSocketFramingTest {
  private static final int MAX_MESSAGE_BYTES = 4096;
  /** CONNECT, MQTT 3.1.1, clean session, keep-alive 60 s, client id "ws". */
  private static final byte[] CONNECT =
      {0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x02, 'w', 's'};
  /** PINGREQ: type 12, remaining length 0. */
  private static final byte[] PINGREQ = {(byte) 0xC0, 0x00};
  /** CONNACK accepted, no session present; PINGRESP. */
  private static final byte[] CONNACK_PINGRESP = {0x20, 0x02, 0x00, 0x00, (byte) 0xD0, 0x00};

  private final TestBroker broker = new TestBroker(Set.of());
  private final EmbeddedChannel channel = new EmbeddedChannel();
  /** What a client does to frames: masks them, as RFC 6455 requires of clients. */
  private final EmbeddedChannel clientEncoder = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
  private final EmbeddedChannel clientDecoder =
      new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 16));

  WebSocketFramingTest() {
    channel.freezeTime();
    ConnectHandler connect = new ConnectHandler(BrokerConfig.defaults(), Authenticator.anyone(), broker, Runnable::run,
        new MqttStats(), new ConnectionCounts(), Optional.empty());
    MqttFraming.WEBSOCKET.addTo(channel.pipeline(), MAX_MESSAGE_BYTES);
    MqttPipeline.init(channel.pipeline(), MAX_MESSAGE_BYTES, connect);
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
    clientEncoder.finishAndReleaseAll();
    clientDecoder.finishAndReleaseAll();
  }

  @Test
  void upgrade_withSubprotocolMqtt_isAcceptedWithIt() {
    String response = request(upgrade("/mqtt", "mqtt"));

    assertThat(response).startsWith("HTTP/1.1 101 Switching Protocols\r\n").contains("sec-websocket-protocol: mqtt\r\n");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void upgrade_withMqtt31sSubprotocol_isAcceptedWithIt() {
    String response = request(upgrade("/mqtt", "mqttv3.1"));

    assertThat(response).startsWith("HTTP/1.1 101 ").contains("sec-websocket-protocol: mqttv3.1\r\n");
  }

  @Test
  void connectSplitOverTwoFrames_thenTwoPacketsInOneFrame_areAllHandled() {
    request(upgrade("/mqtt", "mqtt"));

    send(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(CONNECT, 0, 5)));
    send(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(CONNECT, 5, CONNECT.length - 5)));
    send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(PINGREQ, PINGREQ)));

    assertThat(broker.connects).singleElement().satisfies(request -> assertThat(request.clientId()).isEqualTo("ws"));
    List<WebSocketFrame> answers = received();
    assertThat(answers).allSatisfy(frame -> assertThat(frame).isInstanceOf(BinaryWebSocketFrame.class));
    ByteBuf bytes = Unpooled.buffer();
    answers.forEach(frame -> bytes.writeBytes(frame.content()));
    assertThat(bytes.readableBytes()).isEqualTo(CONNACK_PINGRESP.length + 2);
    assertThat(answers).hasSize(3); // one frame per packet: CONNACK, PINGRESP, PINGRESP
    assertThat(bytes.slice(0, CONNACK_PINGRESP.length)).isEqualTo(Unpooled.wrappedBuffer(CONNACK_PINGRESP));
    answers.forEach(WebSocketFrame::release);
    bytes.release();
  }

  @Test
  void textFrame_isRefusedWithUnsupportedDataAndClosed() {
    request(upgrade("/mqtt", "mqtt"));

    send(new TextWebSocketFrame("{\"hello\": 1}"));

    assertThat(received()).singleElement().isInstanceOfSatisfying(CloseWebSocketFrame.class, close -> {
      assertThat(close.statusCode()).isEqualTo(1003);
      close.release();
    });
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void frameLargerThanTheLargestPacket_closesWithMessageTooBig() {
    request(upgrade("/mqtt", "mqtt"));

    send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[MAX_MESSAGE_BYTES + 6])));

    assertThat(received()).singleElement().isInstanceOfSatisfying(CloseWebSocketFrame.class, close -> {
      assertThat(close.statusCode()).isEqualTo(1009);
      close.release();
    });
    assertThat(channel.isOpen()).isFalse();
    assertThat(broker.connects).isEmpty();
  }

  @Test
  void plainGetOfAnotherPath_isAnswered404AndClosed() {
    String response = request("GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("MQTT over WebSocket at /mqtt only\n");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void getOfTheMqttPathWithoutUpgrade_isAnsweredAnErrorAndClosed() {
    String response = request("GET /mqtt HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d .*");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void upgradeNeverCompleted_isClosedAtTheConnectDeadline() {
    channel.writeInbound(Unpooled.copiedBuffer("GET /mqtt HTTP/1.1\r\n", StandardCharsets.US_ASCII));

    channel.advanceTimeBy(MqttPipeline.CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertThat(channel.isOpen()).isFalse();
  }

  private static String upgrade(String path, String subprotocol) {
    return "GET " + path + " HTTP/1.1\r\n"
        + "Host: localhost\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n"
        + "\r\n";
  }

  /** Sends an HTTP request and returns all the server wrote back, as text. */
  private String request(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    StringBuilder response = new StringBuilder();
    for (Object out; (out = channel.readOutbound()) != null; ) {
      // Netty's WebSocket handler offers a close frame at every close, before the upgrade too,
      // where the HTTP encoder passes it on and a socket refuses it: only bytes reach the wire.
      if (out instanceof ByteBuf bytes) {
        response.append(bytes.toString(StandardCharsets.US_ASCII));
      }
      ReferenceCountUtil.release(out);
    }
    return response.toString();
  }

  private void send(WebSocketFrame frame) {
    clientEncoder.writeOutbound(frame);
    for (ByteBuf bytes; (bytes = clientEncoder.readOutbound()) != null; ) {
      channel.writeInbound(bytes);
    }
  }

  /** The frames the server wrote since the last call. */
  private List<WebSocketFrame> received() {
    for (ByteBuf bytes; (bytes = channel.readOutbound()) != null; ) {
      clientDecoder.writeInbound(bytes);
    }
    List<WebSocketFrame> frames = new ArrayList<>();
    for (WebSocketFrame frame; (frame = clientDecoder.readInbound()) != null; ) {
      frames.add(frame);
    }
    return frames;
  }
}
