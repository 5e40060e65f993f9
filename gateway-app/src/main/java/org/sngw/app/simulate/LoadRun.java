package org.sngw.app.simulate;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.sngw.sn.gateway.SnStats;

/** One run of the plan: starts the target, the subscribers and the client loops, then reports. */
public final class LoadRun {
  private static final Duration HANDSHAKE_WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final Duration QUIET_LIMIT = Duration.ofSeconds(30);
  /** Beyond the schedule, how long loops may take to stop (a burst is capped at 60 s) before we give up. */
  private static final Duration JOIN_SLACK = Duration.ofSeconds(90);
  /** Open files beside the clients' sockets: the JVM's jars, selectors, the subscribers, an in-process gateway. */
  private static final int FILES_BESIDE_CLIENTS = 200;

  private final LoadPlan plan;
  private final PrintStream out;
  private final PrintStream live;
  private final CpuMeter cpu = new CpuMeter();
  private final String runTag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

  /** @param out gets the summary; the line per second goes to it too, or to stderr for a JSON summary */
  public LoadRun(LoadPlan plan, PrintStream out, PrintStream err) {
    this.plan = plan;
    this.out = out;
    this.live = plan.json() ? err : out;
  }

  /** Runs the plan; the exit status: 0 when every client loop ran to its end, 1 otherwise. */
  public int execute() throws Exception {
    long files = plan.clients() + FILES_BESIDE_CLIENTS;
    OptionalLong limit = openFileLimit();
    if (limit.isPresent() && limit.getAsLong() < files) {
      // Each client has a socket of its own; past the limit the run would fail half-way through setup.
      live.println("simulate: " + plan.clients() + " clients need about " + files + " open files and this process may "
          + "open " + limit.getAsLong() + "; raise the limit first, e.g. ulimit -n " + files);
      return 1;
    }
    try (GatewayTarget target = GatewayTarget.open(plan)) {
      Subscribers subscribers = startSubscribers(target);
      try {
        return run(target, subscribers);
      } finally {
        if (subscribers != null) {
          subscribers.close();
        }
      }
    }
  }

  private Subscribers startSubscribers(GatewayTarget target) throws Exception {
    if (plan.subscriber() == SubscriberMode.NONE) {
      return null;
    }
    return Subscribers.start(target.mqtt().orElseThrow(), "sim-sub-" + runTag,
        plan.subscriber() == SubscriberMode.CLEAN, plan.subscriberFilter(), plan.subscriberQos(), plan.subscribers());
  }

  private int run(GatewayTarget target, Subscribers subscribers) throws Exception {
    List<ClientLoop> loops = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    StartGate gate = new StartGate(plan.threads());
    LoadSettings settings = new LoadSettings(plan.qos(), plan.window(), plan.payloadBytes(), plan.ackTimeout(),
        plan.rate() / plan.threads(), plan.isBurst() ? perThread(plan.burst()) : 0, plan.sleep(), runTag);
    for (int t = 0; t < plan.threads(); t++) {
      List<Integer> indexes = new ArrayList<>();
      for (int i = t; i < plan.clients(); i += plan.threads()) {
        indexes.add(i);
      }
      ClientLoop loop = new ClientLoop(indexes, target.udp(), settings, gate);
      loops.add(loop);
      threads.add(new Thread(loop, "simulate-sn-" + t));
    }
    threads.forEach(Thread::start);
    if (!gate.awaitAll(HANDSHAKE_WAIT) || loops.stream().anyMatch(l -> l.failure() != null)) {
      gate.callOff();
      joinAll(threads, System.nanoTime());
      loops.stream().filter(l -> l.failure() != null).findFirst()
          .ifPresentOrElse(l -> live.println("simulate: setup failed: " + l.failure().getMessage()),
              () -> live.println("simulate: clients not connected within " + HANDSHAKE_WAIT.toSeconds() + " s"));
      return 1;
    }
    List<Thread> subscriberThreads = subscribers == null ? List.of() : subscribers.threads();
    OptionalLong kernelDropsBefore = KernelUdpCounters.receiveBufferErrors();
    Optional<Long> overloadBefore = target.stats().map(SnStats::overloadDrops);
    Schedule schedule = plan.isBurst()
        ? Schedule.startingNow(0, 0, 0)
        : Schedule.startingNow(plan.warmup().toNanos(), plan.duration().toNanos(), plan.ackTimeout().toNanos());
    CpuMeter.Sample cpuStart = cpu.sample(threads, subscriberThreads);
    gate.open(schedule);
    long receivedAtStart = 0;
    long receivedAtEnd = 0;
    CpuMeter.Sample cpuEnd;
    if (plan.isBurst()) {
      joinAll(threads, schedule.drainEnd());
      cpuEnd = cpu.sample(loops.stream().mapToLong(l -> l.stats().finalCpuNanos).sum(), subscriberThreads);
    } else {
      LiveLine line = new LiveLine(loops, subscribers, schedule, live);
      line.printUntil(schedule.measureStart());
      cpuStart = cpu.sample(threads, subscriberThreads);
      receivedAtStart = subscribers == null ? 0 : subscribers.received();
      line.printUntil(schedule.measureEnd());
      cpuEnd = cpu.sample(threads, subscriberThreads);
      receivedAtEnd = subscribers == null ? 0 : subscribers.received();
      joinAll(threads, schedule.drainEnd());
    }
    LoopStats total = new LoopStats();
    loops.forEach(l -> total.add(l.stats()));
    Report report = new Report(plan, target, out);
    loops.stream().filter(l -> l.failure() != null)
        .forEach(l -> live.println("simulate: a client loop failed: " + l.failure()));
    if (subscribers != null) {
      subscribers.awaitQuiet(QUIET, QUIET_LIMIT);
    }
    OptionalLong kernelDrops = delta(kernelDropsBefore, KernelUdpCounters.receiveBufferErrors());
    Optional<Long> overload = target.stats().map(s -> s.overloadDrops() - overloadBefore.orElse(0L));
    long receivedTotal = subscribers == null ? 0 : subscribers.received();
    if (subscribers != null) {
      subscribers.close();
    }
    List<SentRange> measured = loops.stream().flatMap(l -> l.measuredRanges().stream()).toList();
    long measuredSent = measured.stream().mapToLong(SentRange::count).sum();
    Report.Delivery delivery = subscribers == null ? null : new Report.Delivery(receivedAtEnd - receivedAtStart,
        receivedTotal, subscribers.distinct(), subscribers.duplicates(), subscribers.foreign(),
        subscribers.readFailure(), subscribers.deliveryLatencies(), measuredSent * subscribers.count(),
        subscribers.distinctWithin(measured));
    report.print(total, delivery, cpuStart, cpuEnd, overload, kernelDrops, threads.size());
    return loops.stream().anyMatch(l -> l.failure() != null) ? 1 : 0;
  }

  private static OptionalLong openFileLimit() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
        ? OptionalLong.of(unix.getMaxFileDescriptorCount())
        : OptionalLong.empty();
  }

  private int perThread(int burst) {
    return (burst + plan.threads() - 1) / plan.threads();
  }

  private static OptionalLong delta(OptionalLong before, OptionalLong after) {
    return before.isPresent() && after.isPresent()
        ? OptionalLong.of(after.getAsLong() - before.getAsLong())
        : OptionalLong.empty();
  }

  /** Waits for the loops, which stop by themselves, until {@code after} plus the slack. */
  private static void joinAll(List<Thread> threads, long after) throws InterruptedException {
    long deadline = after + JOIN_SLACK.toNanos();
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (t.isAlive()) {
        throw new IllegalStateException(t.getName() + " did not stop in time");
      }
    }
  }
}
