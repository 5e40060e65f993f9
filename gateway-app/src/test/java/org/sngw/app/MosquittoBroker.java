package org.sngw.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Mosquitto broker as the bridge's upstream: one process on 127.0.0.1 with a
 * configuration generated into the test's directory. It can be stopped and started again on the
 * same ports, so a test can take the upstream away and bring it back.
 */
final class MosquittoBroker implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/mosquitto");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Path log;
  private final Path conf;
  private final int port;
  private final Optional<Integer> tlsPort;
  private Process process;

  /** How to run it; {@link #plain()} is an anonymous plain listener with no persistence. */
  record Options(boolean persistent, Optional<Login> login, Optional<Path> passwordFile, Optional<ServerTls> tls) {
    static Options plain() {
      return new Options(false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Sessions and their queued messages survive a stop, in a file in the test directory. */
    Options withPersistence() {
      return new Options(true, login, passwordFile, tls);
    }

    /** Only this user may connect (a password file made with mosquitto_passwd). */
    Options withLogin(String user, String password) {
      return new Options(persistent, Optional.of(new Login(user, password)), passwordFile, tls);
    }

    /** Only the users of this password file may connect. */
    Options withPasswordFile(Path file) {
      return new Options(persistent, login, Optional.of(file), tls);
    }

    /** A TLS listener beside the plain one. */
    Options withTls(Path caCert, TestPki.Issued server, boolean requireClientCertificate) {
      return new Options(persistent, login, passwordFile,
          Optional.of(new ServerTls(caCert, server, requireClientCertificate)));
    }
  }

  record Login(String user, String password) {}

  record ServerTls(Path caCert, TestPki.Issued server, boolean requireClientCertificate) {}

  private MosquittoBroker(Path dir, int port, Optional<Integer> tlsPort) {
    this.log = dir.resolve("mosquitto.log");
    this.conf = dir.resolve("mosquitto.conf");
    this.port = port;
    this.tlsPort = tlsPort;
  }

  /** Writes the configuration into {@code dir}, starts Mosquitto and waits until it accepts connections. */
  static MosquittoBroker start(Path dir, Options options) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY + " is not installed: apt-get install mosquitto (.ci/run does)");
    }
    Optional<Integer> tlsPort = options.tls().map(tls -> GatewayProcess.freeTcpPort());
    MosquittoBroker broker = new MosquittoBroker(dir, GatewayProcess.freeTcpPort(), tlsPort);
    try {
      Files.createDirectories(dir);
      Files.writeString(broker.conf, broker.configuration(dir, options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    broker.start();
    return broker;
  }

  private String configuration(Path dir, Options options) {
    StringBuilder conf = new StringBuilder()
        // As root Mosquitto would switch to the "mosquitto" user, who cannot read the test directory.
        .append("user ").append(System.getProperty("user.name")).append('\n')
        .append("per_listener_settings false\n")
        // The outage test queues 1,000 messages for an offline subscriber: above the default limit.
        .append("max_queued_messages 100000\n")
        .append("persistence ").append(options.persistent()).append('\n');
    if (options.persistent()) {
      conf.append("persistence_location ").append(dir.toAbsolutePath()).append("/\n");
    }
    if (options.login().isPresent()) {
      Path passwords = dir.resolve("passwords");
      Login login = options.login().get();
      Commands.run(List.of("mosquitto_passwd", "-c", "-b", passwords.toString(), login.user(), login.password()),
          "apt-get install mosquitto");
      conf.append("allow_anonymous false\npassword_file ").append(passwords.toAbsolutePath()).append('\n');
    } else if (options.passwordFile().isPresent()) {
      conf.append("allow_anonymous false\npassword_file ").append(options.passwordFile().get().toAbsolutePath())
          .append('\n');
    } else {
      conf.append("allow_anonymous true\n");
    }
    conf.append("listener ").append(port).append(" 127.0.0.1\n");
    if (options.tls().isPresent()) {
      ServerTls tls = options.tls().get();
      conf.append("listener ").append(tlsPort.orElseThrow()).append(" 127.0.0.1\n")
          .append("cafile ").append(tls.caCert().toAbsolutePath()).append('\n')
          .append("certfile ").append(tls.server().cert().toAbsolutePath()).append('\n')
          .append("keyfile ").append(tls.server().key().toAbsolutePath()).append('\n')
          .append("require_certificate ").append(tls.requireClientCertificate()).append('\n');
    }
    return conf.toString();
  }

  /** Starts it again on the same ports; with persistence, the sessions it saved come back. */
  void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("mosquitto is already running");
    }
    try {
      process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + BINARY + " (apt-get install mosquitto)", e);
    }
    await("mosquitto accepts connections").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20))
        .until(() -> accepting(port) && tlsPort.map(this::accepting).orElse(true));
  }

  private boolean accepting(int listenerPort) {
    if (!process.isAlive()) {
      throw new AssertionError("mosquitto exited with " + process.exitValue() + "; its log:\n" + log());
    }
    try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), listenerPort)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM, as systemd stops it: Mosquitto saves its persistence file and exits. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("mosquitto ignored SIGTERM; its log:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The plain listener, for mosquitto_pub and mosquitto_sub. */
  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  InetSocketAddress tlsAddress() {
    return new InetSocketAddress("127.0.0.1", tlsPort.orElseThrow(() -> new IllegalStateException("no TLS listener")));
  }

  URI uri() {
    return URI.create("mqtt://127.0.0.1:" + port);
  }

  URI tlsUri() {
    return URI.create("mqtts://127.0.0.1:" + tlsAddress().getPort());
  }

  /** What Mosquitto logged so far, across restarts. */
  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
