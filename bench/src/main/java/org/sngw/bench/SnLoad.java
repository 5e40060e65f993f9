package org.sngw.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sngw.config.ListenAddress;
import org.sngw.sn.codec.SnQos;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Load generator for the whole gateway: MQTT-SN sensors over real UDP on loopback, one MQTT subscriber. */
@Command(
    name = "java -cp bench/target/benchmarks.jar org.sngw.bench.SnLoad",
    sortOptions = false,
    description = {
      "Connects MQTT-SN clients over UDP to a gateway on 127.0.0.1, each publishing to its own "
          + "registered topic bench/<n> as fast as its acks allow, and reports acks/s and ack latency. "
          + "Without --gateway it starts the gateway in this JVM on random loopback ports.",
      "With --burst it instead sends that many QoS 0 PUBLISHes unpaced and counts what an MQTT "
          + "subscriber receives.",
    },
    footer = {
      "",
      "Examples:",
      "  SnLoad --clients 100 --qos 1 --duration 20",
      "  SnLoad --subscriber clean --sub-qos 1",
      "  SnLoad --burst 100000",
      "  SnLoad --gateway 127.0.0.1:1884 --mqtt 127.0.0.1:1883 --subscriber persistent",
    })
public final class SnLoad implements Callable<Integer> {
  private static final int EXIT_USAGE = 2;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  @Option(names = "--gateway", paramLabel = "HOST:PORT",
      description = "MQTT-SN UDP address of a running gateway (loopback only) [start one in this JVM]")
  private String gateway;

  @Option(names = "--mqtt", paramLabel = "HOST:PORT",
      description = "MQTT TCP address of that gateway, for --subscriber (loopback only)")
  private String mqtt;

  @Option(names = "--in-memory",
      description = "the gateway started here runs without its store, as with its own --in-memory [persistent]")
  private boolean inMemory;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "100",
      description = "MQTT-SN clients [${DEFAULT-VALUE}]")
  private int clients;

  @Option(names = "--qos", paramLabel = "QOS", defaultValue = "1",
      description = "QoS of the PUBLISHes: 0, 1 or 2 [${DEFAULT-VALUE}]")
  private int qos;

  @Option(names = "--window", paramLabel = "N", defaultValue = "1",
      description = "unacknowledged messages per client; MQTT-SN clients normally keep 1 [${DEFAULT-VALUE}]")
  private int window;

  @Option(names = "--rate", paramLabel = "MSG/S", defaultValue = "0",
      description = "messages/s over all clients; 0 = as fast as acks allow; QoS 0 needs a rate [${DEFAULT-VALUE}]")
  private double rate;

  @Option(names = "--payload", paramLabel = "BYTES", defaultValue = "32",
      description = "payload bytes, 12..1000 [${DEFAULT-VALUE}]")
  private int payload;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "5",
      description = "seconds of load before measuring [${DEFAULT-VALUE}]")
  private int warmupSeconds;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "20",
      description = "seconds measured, 1..300 [${DEFAULT-VALUE}]")
  private int durationSeconds;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "generator I/O threads [${DEFAULT-VALUE}]")
  private int threads;

  @Option(names = "--ack-timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "seconds before an unacknowledged message counts as a timeout [${DEFAULT-VALUE}]")
  private int ackTimeoutSeconds;

  @Option(names = "--subscriber", paramLabel = "none|clean|persistent",
      description = "an MQTT subscriber counting deliveries [none; clean with --burst]")
  private String subscriber;

  @Option(names = "--sub-qos", paramLabel = "QOS", defaultValue = "1",
      description = "QoS the subscriber asks for [${DEFAULT-VALUE}]")
  private int subscriberQos;

  @Option(names = "--sub-filter", paramLabel = "FILTER", defaultValue = "#",
      description = "topic filter of the subscriber [${DEFAULT-VALUE}]")
  private String subscriberFilter;

  @Option(names = "--burst", paramLabel = "N", defaultValue = "0",
      description = "send this many unpaced QoS 0 PUBLISHes and count deliveries, instead of a timed run")
  private int burst;

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(new CommandLine(new SnLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<String> problems = new ArrayList<>();
    LoadPlan plan = validate(problems);
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("SnLoad: " + p));
      return EXIT_USAGE;
    }
    return new LoadRun(plan, System.out).execute();
  }

  private LoadPlan validate(List<String> problems) {
    check(problems, clients >= 1 && clients <= 10_000, "--clients must be 1..10000");
    check(problems, qos >= 0 && qos <= 2, "--qos must be 0, 1 or 2");
    check(problems, window >= 1 && window <= 1_000, "--window must be 1..1000");
    check(problems, rate >= 0, "--rate must not be negative");
    check(problems, payload >= Payload.MIN_BYTES && payload <= 1_000, "--payload must be 12..1000");
    check(problems, warmupSeconds >= 0 && warmupSeconds <= 60, "--warmup must be 0..60");
    check(problems, durationSeconds >= 1 && durationSeconds <= 300, "--duration must be 1..300");
    check(problems, threads >= 1 && threads <= 16 && threads <= clients,
        "--threads must be 1..16 and at most --clients");
    check(problems, ackTimeoutSeconds >= 1 && ackTimeoutSeconds <= 60, "--ack-timeout must be 1..60");
    check(problems, subscriberQos >= 0 && subscriberQos <= 2, "--sub-qos must be 0, 1 or 2");
    check(problems, burst >= 0 && burst <= 10_000_000, "--burst must be 0..10000000");
    check(problems, burst > 0 || qos != 0 || rate > 0,
        "--qos 0 needs --rate (there is no ack to pace by); for an unpaced burst use --burst");
    SubscriberMode mode = subscriberMode(problems);
    check(problems, burst == 0 || mode != SubscriberMode.NONE, "--burst needs a subscriber to count deliveries");
    Optional<InetSocketAddress> gatewayAddress = loopback(problems, "--gateway", gateway);
    Optional<InetSocketAddress> mqttAddress = loopback(problems, "--mqtt", mqtt);
    check(problems, gateway != null || mqtt == null, "--mqtt only goes with --gateway");
    check(problems, gateway == null || !inMemory, "--in-memory applies to a gateway started here, not to --gateway");
    check(problems, gateway == null || mode == SubscriberMode.NONE || mqtt != null,
        "a subscriber on a running gateway needs its --mqtt address");
    if (!problems.isEmpty()) {
      return null;
    }
    return new LoadPlan(gatewayAddress, mqttAddress, inMemory, clients, qosOf(burst > 0 ? 0 : qos), window, rate,
        payload, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), threads,
        Duration.ofSeconds(ackTimeoutSeconds), mode, subscriberQos, subscriberFilter, burst);
  }

  private SubscriberMode subscriberMode(List<String> problems) {
    if (subscriber == null) {
      return burst > 0 ? SubscriberMode.CLEAN : SubscriberMode.NONE;
    }
    try {
      return SubscriberMode.valueOf(subscriber.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("--subscriber must be none, clean or persistent");
      return SubscriberMode.NONE;
    }
  }

  /** Benchmarks only ever send to this machine. */
  private static Optional<InetSocketAddress> loopback(List<String> problems, String flag, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      InetSocketAddress address = ListenAddress.parse(text).toSocketAddress();
      if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
        problems.add(flag + " must be a loopback address such as 127.0.0.1:1884, got " + text);
        return Optional.empty();
      }
      return Optional.of(address);
    } catch (IllegalArgumentException e) {
      problems.add(flag + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static SnQos qosOf(int level) {
    return level == 0 ? SnQos.AT_MOST_ONCE : level == 1 ? SnQos.AT_LEAST_ONCE : SnQos.EXACTLY_ONCE;
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
