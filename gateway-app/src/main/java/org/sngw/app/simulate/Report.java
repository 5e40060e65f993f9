package org.sngw.app.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sngw.json.Json;
import org.sngw.sn.codec.SnQos;

/**
 * Prints one run's figures: one labelled line per aspect, so rows can be pasted into RESULTS.md,
 * or with --json one object with the same figures for scripts.
 */
final class Report {
  /**
   * What the MQTT subscriber saw.
   *
   * @param inWindow PUBLISHes that arrived while measuring
   * @param total PUBLISHes that arrived in the whole run
   * @param distinct different (client, sequence) pairs among them
   * @param measuredExpected deliveries of the messages sent while measuring, to every subscriber
   * @param measuredDistinct how many of those arrived, whenever they did
   */
  record Delivery(long inWindow, long total, long distinct, long duplicates, long foreign, IOException failure,
      LatencyHistogram latencies, long measuredExpected, long measuredDistinct) {
    long lostWhileMeasuring() {
      return measuredExpected - measuredDistinct;
    }
  }

  private final LoadPlan plan;
  private final GatewayTarget target;
  private final PrintStream out;

  Report(LoadPlan plan, GatewayTarget target, PrintStream out) {
    this.plan = plan;
    this.target = target;
    this.out = out;
  }

  void print(LoopStats s, Delivery delivery, CpuMeter.Sample cpuStart, CpuMeter.Sample cpuEnd,
      Optional<Long> overloadDrops, OptionalLong kernelDrops, int generatorThreads) {
    if (plan.json()) {
      out.println(Json.write(summary(s, delivery, cpuStart, cpuEnd, overloadDrops, kernelDrops, generatorThreads)));
      return;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    line("run", "%s, %,d MQTT-SN clients, QoS %d, %s, %d-byte payloads, %d generator thread%s",
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19), plan.clients(),
        plan.qos().level(), plan.isBurst() ? "unpaced burst" : pacing(), plan.payloadBytes(), generatorThreads,
        generatorThreads == 1 ? "" : "s");
    line("gateway", describeTarget(cores));
    if (plan.isBurst()) {
      printBurst(s, delivery);
    } else {
      printLoad(s, delivery);
    }
    printCpu(cpuStart, cpuEnd, cores);
    line("drops", "gateway core overloaded: %s; kernel UDP receive buffers, whole machine: %s",
        overloadDrops.map(d -> String.format("%,d", d)).orElse("n/a (not in this JVM)"),
        kernelDrops.isPresent() ? String.format("%,d", kernelDrops.getAsLong()) : "n/a");
  }

  private String describeTarget(int cores) {
    if (target.nullSink()) {
      return String.format("a null sink in this JVM at udp %s, acknowledging everything (the generator's ceiling)",
          address(target.udp()));
    }
    return target.inProcess()
        ? String.format("in this JVM (%s) at udp %s, mqtt %s; it shares %s with the generator",
            plan.inMemory() ? "store off: --in-memory" : "store config: persistent", address(target.udp()),
            target.mqtt().map(Report::address).orElse("-"), cores(cores))
        : String.format("running elsewhere at udp %s (its CPU is not measured here); this JVM has %s",
            address(target.udp()), cores(cores));
  }

  /** The same figures as the text, in one object. */
  private Map<String, Object> summary(LoopStats s, Delivery delivery, CpuMeter.Sample cpuStart,
      CpuMeter.Sample cpuEnd, Optional<Long> overloadDrops, OptionalLong kernelDrops, int generatorThreads) {
    double seconds = plan.duration().toNanos() / 1e9;
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("target", plan.target().name().toLowerCase(Locale.ROOT));
    run.put("udp", address(target.udp()));
    run.put("clients", plan.clients());
    run.put("qos", plan.qos().level());
    run.put("window", plan.window());
    run.put("rate", plan.rate());
    run.put("payloadBytes", plan.payloadBytes());
    run.put("burst", plan.burst());
    run.put("measuredSeconds", plan.isBurst() ? s.burstNanos / 1e9 : seconds);
    run.put("generatorThreads", generatorThreads);
    Map<String, Object> clients = new LinkedHashMap<>();
    clients.put("sent", s.sent);
    clients.put("sentPerSecond", plan.isBurst() ? s.sent / Math.max(1e-9, s.burstNanos / 1e9) : s.sentMeasured / seconds);
    clients.put("ackedPerSecond", s.ackedMeasured / seconds);
    clients.put("ackLatencyMillis", latencies(s.latencies));
    clients.put("timeouts", s.timeouts);
    clients.put("rejected", s.rejected);
    clients.put("lateAcks", s.lateAcks);
    clients.put("unexpected", s.unexpected);
    clients.put("connectSeconds", s.handshakeNanos / 1e9);
    clients.put("handshakeRetries", s.handshakeRetries);
    clients.put("handshakeRepeats", s.handshakeRepeats);
    if (!plan.sleep().isZero()) {
      Map<String, Object> sleeping = new LinkedHashMap<>();
      sleeping.put("sleepSeconds", plan.sleep().toSeconds());
      sleeping.put("sleeps", s.sleeps);
      sleeping.put("wakeUps", s.wakeUps);
      sleeping.put("wakeRefusals", s.wakeRefusals);
      sleeping.put("wakeLatencyMillis", latencies(s.wakeLatencies));
      clients.put("sleeping", sleeping);
    }
    clients.put("malformed", s.malformed);
    clients.put("sendFailures", s.sendFailures);
    clients.put("receiveErrors", s.receiveErrors);
    clients.put("disconnected", s.disconnects);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("run", run);
    summary.put("clients", clients);
    if (delivery != null) {
      Map<String, Object> subscriber = new LinkedHashMap<>();
      subscriber.put("mode", plan.subscriber().name().toLowerCase(Locale.ROOT));
      subscriber.put("qos", plan.subscriberQos());
      subscriber.put("filter", plan.subscriberFilter());
      subscriber.put("subscribers", plan.subscribers());
      subscriber.put("receivedPerSecond", plan.isBurst() ? null : delivery.inWindow() / seconds);
      subscriber.put("received", delivery.total());
      subscriber.put("distinct", delivery.distinct());
      subscriber.put("lost", expected(s) - delivery.distinct());
      // Warm-up losses (a cold JIT) aside: of the messages sent while measuring.
      subscriber.put("lostWhileMeasuring", plan.isBurst() ? null : delivery.lostWhileMeasuring());
      subscriber.put("duplicates", delivery.duplicates());
      subscriber.put("foreign", delivery.foreign());
      subscriber.put("deliveryLatencyMillis", latencies(delivery.latencies()));
      subscriber.put("failure", delivery.failure() == null ? null : delivery.failure().getMessage());
      summary.put("subscriber", subscriber);
    }
    double wall = Math.max(1, cpuEnd.wallNanos() - cpuStart.wallNanos());
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("generatorCores", (cpuEnd.generatorNanos() - cpuStart.generatorNanos()) / wall);
    cpu.put("subscriberCores", (cpuEnd.subscriberNanos() - cpuStart.subscriberNanos()) / wall);
    cpu.put("processCores", (cpuEnd.processNanos() - cpuStart.processNanos()) / wall);
    cpu.put("machineCores", Runtime.getRuntime().availableProcessors());
    summary.put("cpu", cpu);
    Map<String, Object> drops = new LinkedHashMap<>();
    drops.put("gatewayOverloaded", overloadDrops.orElse(null));
    drops.put("kernelReceiveBuffers", kernelDrops.isPresent() ? kernelDrops.getAsLong() : null);
    summary.put("drops", drops);
    return summary;
  }

  private static Map<String, Object> latencies(LatencyHistogram histogram) {
    Map<String, Object> millis = new LinkedHashMap<>();
    millis.put("count", histogram.count());
    for (int p : new int[] {50, 90, 99}) {
      millis.put("p" + p, histogram.percentile(p) / 1e6);
    }
    millis.put("max", histogram.max() / 1e6);
    return millis;
  }

  private String pacing() {
    String window = "window " + plan.window();
    return plan.rate() > 0 ? String.format("%s, paced at %,.0f msg/s", window, plan.rate()) : window;
  }

  private void printLoad(LoopStats s, Delivery delivery) {
    double seconds = plan.duration().toNanos() / 1e9;
    if (plan.qos() == SnQos.AT_MOST_ONCE) {
      line("sent", "%,.0f msg/s (%,d QoS 0 PUBLISHes in %.1f s; no ack, so no latency)",
          s.sentMeasured / seconds, s.sentMeasured, seconds);
    } else {
      line("acked", "%,.0f msg/s (%,d %s read in %.1f s, after %d s of warm-up)",
          s.ackedMeasured / seconds, s.ackedMeasured, plan.qos() == SnQos.EXACTLY_ONCE ? "PUBCOMPs" : "PUBACKs",
          seconds, plan.warmup().toSeconds());
      line("latency", "p50 %s  p90 %s  p99 %s  max %s ms (PUBLISH written to ack read, same thread)",
          millis(s.latencies.percentile(50)), millis(s.latencies.percentile(90)),
          millis(s.latencies.percentile(99)), millis(s.latencies.max()));
    }
    line("connect", "%,d clients connected and registered in %.2f s; %,d CONNECT/REGISTER sent again, "
        + "%,d answers to those", plan.clients(), s.handshakeNanos / 1e9, s.handshakeRetries, s.handshakeRepeats);
    if (!plan.sleep().isZero()) {
      line("sleeping", "each client sleeps %d s between publishes: %,d sleeps, %,d wake-ups (CONNECT to CONNACK "
          + "p50 %s  p99 %s ms), %,d wake-ups refused", plan.sleep().toSeconds(), s.sleeps, s.wakeUps,
          millis(s.wakeLatencies.percentile(50)), millis(s.wakeLatencies.percentile(99)), s.wakeRefusals);
    }
    line("errors", "timeouts %,d, rejected (congestion) %,d, late acks %,d, unexpected %,d, malformed %,d, "
        + "send failures %,d, receive errors %,d, disconnected clients %,d",
        s.timeouts, s.rejected, s.lateAcks, s.unexpected, s.malformed, s.sendFailures, s.receiveErrors, s.disconnects);
    if (delivery != null) {
      line("subscriber", "%s%s, QoS %d on '%s': %,.0f msg/s while measuring; in the whole run %,d received, "
          + "%,d distinct of %s, %,d duplicates%s",
          plan.subscribers() > 1 ? plan.subscribers() + " subscribers, " : "",
          plan.subscriber().name().toLowerCase(Locale.ROOT), plan.subscriberQos(), plan.subscriberFilter(),
          delivery.inWindow() / seconds, delivery.total(), delivery.distinct(),
          plan.subscribers() > 1
              ? String.format("%,d expected (%,d sent, each to every subscriber)", expected(s), s.sent)
              : String.format("%,d sent", s.sent),
          delivery.duplicates(), extras(delivery));
      line("measured", "of the %,d deliveries of messages sent while measuring, %,d lost (%.3f %%)",
          delivery.measuredExpected(), delivery.lostWhileMeasuring(),
          percent(delivery.lostWhileMeasuring(), delivery.measuredExpected()));
      printDeliveryLatency(delivery);
    }
  }

  private void printBurst(LoopStats s, Delivery delivery) {
    line("burst", "%,d QoS 0 PUBLISHes from %,d clients written in %.3f s (%,.0f/s); "
        + "the kernel refused %,d writes for a full buffer (retried)",
        s.sent, plan.clients(), s.burstNanos / 1e9, s.sent / Math.max(1e-9, s.burstNanos / 1e9), s.sendFailures);
    long lost = expected(s) - delivery.distinct();
    line("subscriber", "%,d distinct received (%.1f %%), %,d lost (%.1f %%), %,d duplicates%s",
        delivery.distinct(), percent(delivery.distinct(), expected(s)), lost, percent(lost, expected(s)),
        delivery.duplicates(), extras(delivery));
    printDeliveryLatency(delivery);
  }

  /** Deliveries the subscribers should have had: every message sent, to each of them. */
  private long expected(LoopStats s) {
    return s.sent * plan.subscribers();
  }

  private void printDeliveryLatency(Delivery delivery) {
    LatencyHistogram d = delivery.latencies();
    line("delivery", "p50 %s  p90 %s  p99 %s  max %s ms (sensor's PUBLISH written to the subscriber's read)",
        millis(d.percentile(50)), millis(d.percentile(90)), millis(d.percentile(99)), millis(d.max()));
  }

  private void printCpu(CpuMeter.Sample start, CpuMeter.Sample end, int cores) {
    double wall = Math.max(1, end.wallNanos() - start.wallNanos());
    double generator = (end.generatorNanos() - start.generatorNanos()) / wall;
    double subscriber = (end.subscriberNanos() - start.subscriberNanos()) / wall;
    double process = (end.processNanos() - start.processNanos()) / wall;
    String rest = target.inProcess()
        ? String.format(", rest of this JVM %.2f (the gateway, GC, JIT)", process - generator - subscriber)
        : String.format(", this JVM in all %.2f", process);
    line("cpu", "generator %.2f cores, subscriber %.2f%s, of %s, while %s",
        generator, subscriber, rest, cores(cores), plan.isBurst() ? "bursting" : "measuring");
  }

  private static String extras(Delivery d) {
    String foreign = d.foreign() > 0 ? String.format(", %,d from other publishers", d.foreign()) : "";
    return foreign + (d.failure() != null ? "; connection failed: " + d.failure().getMessage() : "");
  }

  private static String cores(int n) {
    return n == 1 ? "1 core" : n + " cores";
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String millis(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static String address(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  private void line(String label, String format, Object... args) {
    out.printf("%-11s %s%n", label + ":", String.format(format, args));
  }
}
