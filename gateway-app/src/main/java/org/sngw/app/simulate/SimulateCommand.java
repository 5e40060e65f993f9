package org.sngw.app.simulate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sngw.app.simulate.LoadPlan.Target;
import org.sngw.app.simulate.demo.DemoRun;
import org.sngw.config.ListenAddress;
import org.sngw.sn.codec.SnQos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: MQTT-SN sensors over real UDP against a gateway, with an MQTT subscriber that
 * counts and times what reaches it, so users measure their own machine and try the gateway
 * without hardware. It sends only to the address it is given, 127.0.0.1 by default. Parsing only:
 * {@link #plan} checks the options, {@link LoadRun} runs them.
 */
@Command(
    name = "simulate",
    sortOptions = false,
    description = {
      "Connects MQTT-SN clients over UDP to a gateway, each publishing to its own registered topic "
          + "simulate/<n> as fast as its acks allow (or at --rate), prints a line per second and then a "
          + "summary: acks/s, ack latency, what a subscriber received and how long it took to get there.",
      "With --burst it instead sends that many QoS 0 PUBLISHes unpaced and counts what the subscriber "
          + "receives. --in-process starts a gateway in this JVM on random loopback ports; --null-sink "
          + "answers in this JVM without any broker, which measures the generator's own ceiling.",
    },
    footer = {
      "",
      "Examples:",
      "  simulate --in-process --clients 100 --qos 1 --duration 20 --subscriber clean",
      "  simulate --gateway 127.0.0.1:1884 --mqtt 127.0.0.1:1883 --subscriber persistent --json",
      "  simulate --null-sink --clients 100",
      "  simulate --in-process --burst 100000",
      "  simulate --demo --in-process",
    })
public final class SimulateCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  private boolean help;

  @Option(names = "--gateway", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:1884",
      description = "MQTT-SN UDP address of the gateway to load [${DEFAULT-VALUE}]")
  private String gateway;

  @Option(names = "--mqtt", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:1883",
      description = "MQTT TCP address of that gateway, for --subscriber [${DEFAULT-VALUE}]")
  private String mqtt;

  @Option(names = "--in-process",
      description = "start a gateway in this JVM on random 127.0.0.1 ports instead of --gateway and --mqtt")
  private boolean inProcess;

  @Option(names = "--demo",
      description = "instead of a load: a few named sensors with realistic readings (some asleep) until Ctrl-C,"
          + " against --gateway, or with --in-process against a gateway here that also gets one on a serial pty")
  private boolean demo;

  @Option(names = "--null-sink",
      description = "answer in this JVM with no broker behind (the generator's own ceiling) instead of --gateway")
  private boolean nullSink;

  @Option(names = "--json", description = "print the summary as one JSON object; the lines per second go to stderr")
  private boolean json;

  @Option(names = "--in-memory",
      description = "the gateway of --in-process runs without its store, as with its own --in-memory")
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
      description = "payload bytes, 20..1000 [${DEFAULT-VALUE}]")
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

  @Option(names = "--subscribers", paramLabel = "N", defaultValue = "1",
      description = "how many such subscribers, each counting every message [${DEFAULT-VALUE}]")
  private int subscribers;

  @Option(names = "--burst", paramLabel = "N", defaultValue = "0",
      description = "send this many unpaced QoS 0 PUBLISHes and count deliveries, instead of a timed run")
  private int burst;

  @Option(names = "--sleep", paramLabel = "SECONDS", defaultValue = "0",
      description = "every client sleeps this long after each acknowledged publish: DISCONNECT with that "
          + "duration, then CONNECT again for the next, as battery sensors do; 0 = never [${DEFAULT-VALUE}]")
  private int sleepSeconds;

  /** The run the options ask for; empty, with {@code problems} filled in, when they are wrong. */
  /** The demo asked for with --demo, if it was: against --gateway, or a gateway here with --in-process. */
  public Optional<DemoRun.Plan> demo(List<String> problems) {
    if (!demo) {
      return Optional.empty();
    }
    if (inProcess) {
      return Optional.of(new DemoRun.Plan(Optional.empty(), Optional.empty()));
    }
    return address(problems, "--gateway", gateway).map(udp -> new DemoRun.Plan(Optional.of(udp), Optional.empty()));
  }

  public Optional<LoadPlan> plan(List<String> problems) {
    check(problems, clients >= 1 && clients <= 10_000, "--clients must be 1..10000");
    check(problems, qos >= 0 && qos <= 2, "--qos must be 0, 1 or 2");
    check(problems, window >= 1 && window <= 1_000, "--window must be 1..1000");
    check(problems, rate >= 0, "--rate must not be negative");
    check(problems, payload >= Payload.MIN_BYTES && payload <= 1_000, "--payload must be 20..1000");
    check(problems, warmupSeconds >= 0 && warmupSeconds <= 60, "--warmup must be 0..60");
    check(problems, durationSeconds >= 1 && durationSeconds <= 300, "--duration must be 1..300");
    check(problems, threads >= 1 && threads <= 16 && threads <= clients,
        "--threads must be 1..16 and at most --clients");
    check(problems, ackTimeoutSeconds >= 1 && ackTimeoutSeconds <= 60, "--ack-timeout must be 1..60");
    check(problems, subscriberQos >= 0 && subscriberQos <= 2, "--sub-qos must be 0, 1 or 2");
    check(problems, burst >= 0 && burst <= 10_000_000, "--burst must be 0..10000000");
    check(problems, burst > 0 || qos != 0 || rate > 0,
        "--qos 0 needs --rate (there is no ack to pace by); for an unpaced burst use --burst");
    check(problems, sleepSeconds >= 0 && sleepSeconds <= 3_600, "--sleep must be 0..3600");
    check(problems, subscribers >= 1 && subscribers <= 100, "--subscribers must be 1..100");
    check(problems, sleepSeconds == 0 || (qos != 0 && rate == 0 && burst == 0 && window == 1),
        "--sleep takes QoS 1 or 2 with one message per wake-up: no --rate, --burst or --window");
    SubscriberMode mode = subscriberMode(problems);
    check(problems, burst == 0 || mode != SubscriberMode.NONE, "--burst needs a subscriber to count deliveries");
    check(problems, !(inProcess && nullSink), "--in-process and --null-sink exclude each other");
    check(problems, !inMemory || inProcess, "--in-memory applies to the gateway of --in-process");
    check(problems, !nullSink || mode == SubscriberMode.NONE, "--null-sink has no broker for a subscriber");
    Target target = inProcess ? Target.IN_PROCESS : nullSink ? Target.NULL_SINK : Target.GATEWAY;
    Optional<InetSocketAddress> gatewayAddress = address(problems, "--gateway", gateway);
    Optional<InetSocketAddress> mqttAddress = address(problems, "--mqtt", mqtt);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LoadPlan(target, gatewayAddress.orElseThrow(), mqttAddress.orElseThrow(), inMemory, json,
        clients, qosOf(burst > 0 ? 0 : qos), window, rate,
        payload, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), threads,
        Duration.ofSeconds(ackTimeoutSeconds), mode, subscriberQos, subscriberFilter, burst,
        Duration.ofSeconds(sleepSeconds), subscribers));
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

  private static Optional<InetSocketAddress> address(List<String> problems, String flag, String text) {
    try {
      InetSocketAddress address = ListenAddress.parse(text).toSocketAddress();
      if (address.isUnresolved() || address.getPort() == 0 || address.getAddress().isAnyLocalAddress()
          || address.getAddress().isMulticastAddress()) {
        problems.add(flag + " must be one host's address, such as 127.0.0.1:1884, got " + text);
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
