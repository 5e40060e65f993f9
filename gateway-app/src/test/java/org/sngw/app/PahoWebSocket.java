package org.sngw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sngw.RequiredTool;

/**
 * Debian's python3-paho-mqtt over WebSocket ({@code websocket/paho_ws.py}), against a gateway's
 * WebSocket listener on 127.0.0.1: a client nobody here wrote. Debian's own python, since a python
 * earlier on PATH may not have Debian's packages.
 */
final class PahoWebSocket {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PACKAGE = "python3-paho-mqtt";

  private PahoWebSocket() {}

  static void require() {
    RequiredTool.require(Commands.succeeds(List.of(PYTHON, "-c", "import paho.mqtt.client")), "paho-mqtt for "
        + PYTHON, PACKAGE);
  }

  /** Connects and disconnects; returns the CONNACK's return code (0: accepted). */
  static int connect(InetSocketAddress gateway, String... options) {
    Commands.Finished connect = Commands.finish(command("connect", gateway, options), PACKAGE);
    assertThat(connect.output()).as("paho's output").contains("connack " + connect.exitCode());
    return connect.exitCode();
  }

  /** Publishes at QoS 1 and returns once the gateway acknowledged it. */
  static void publish(InetSocketAddress gateway, String topic, String payload, String... options) {
    List<String> command = command("pub", gateway, options);
    command.addAll(List.of(topic, payload));
    Commands.run(command, PACKAGE);
  }

  /** Subscribes at QoS 1 and returns once the SUBACK is in. */
  static Sub subscribe(InetSocketAddress gateway, String filter, String... options) {
    List<String> command = command("sub", gateway, options);
    command.add(filter);
    try {
      Sub sub = new Sub(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
      sub.awaitSubscribed();
      return sub;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + PYTHON + " (apt-get install " + PACKAGE + ")", e);
    }
  }

  private static List<String> command(String mode, InetSocketAddress gateway, String... options) {
    List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
    command.addAll(List.of(options));
    command.addAll(List.of(mode, "127.0.0.1", Integer.toString(gateway.getPort())));
    return command;
  }

  private static Path script() {
    try {
      return Path.of(PahoWebSocket.class.getResource("/websocket/paho_ws.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A running paho subscriber printing {@code topic payload} lines. */
  static final class Sub extends SubscriberProcess {
    private Sub(Process process) {
      super("paho over WebSocket", process, line -> line.startsWith("subscribed "),
          line -> !line.startsWith("connack "));
    }
  }
}
