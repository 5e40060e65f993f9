package org.sngw.bench.hotpath;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sngw.broker.AccessRules;
import org.sngw.broker.BrokerConfig;
import org.sngw.broker.BrokerCore;
import org.sngw.runtime.CoreLoop;
import org.sngw.sn.gateway.MqttSnConfig;
import org.sngw.sn.gateway.SnGateway;
import org.sngw.store.InMemoryStore;
import org.sngw.store.StoredState;

/**
 * The whole path of a reading inside the gateway, without sockets or store: a QoS 1 PUBLISH frame
 * from a sensor is decoded by the gateway's transport listener, handled by the sensor's MQTT-SN
 * session, published into the broker core, matched and queued for the one subscriber (another
 * MQTT-SN sensor, on {@code sensors/+/temp} at QoS 1), and comes out as two frames: the PUBACK to
 * the publisher and the PUBLISH to the subscriber, whose PUBACK goes back in and frees the next
 * delivery. The broker and gateway are wired as {@code Gateway} wires them with {@code --in-memory}
 * and as {@code gateway simulate --in-process} runs them (default configuration, in-memory store,
 * the production {@link CoreLoop} for its thread and timers); only the UDP transport is replaced by
 * a {@link MemoryTransport}.
 *
 * <p>An invocation is 5,000 readings, 50 from each of 100 connected sensors in turn (a sensor does
 * not wait for its PUBACKs), each followed by the subscriber's answer to whatever the gateway has
 * sent it by then; it ends when every reading has been acknowledged to its publisher and delivered
 * to and acknowledged by the subscriber. The score is per reading. The core loop is a thread of its
 * own, so {@code threading} says where the work runs:
 *
 * <ul>
 *   <li>{@code CORE_ONLY}: frames are handed to the gateway on the core loop itself, one task per
 *       invocation, and the sensors' side runs there too. Each reading goes all the way through
 *       before the next (the subscriber's queue stays empty); the score is the core's own work per
 *       reading, decoding and encoding included, plus one thread handoff per 5,000 readings (a
 *       wake-up of each thread, tens of microseconds here: a few ns per reading).
 *   <li>{@code IO_THREAD_TO_CORE}: production threading. The benchmark thread is the transport's
 *       I/O thread: it decodes inside the listener and hands each frame over to the core loop, and
 *       it answers for the subscriber, yielding while it waits (on two CPUs a spinning thread
 *       would take the one the core loop needs). The subscriber takes one QoS 1 message at a time,
 *       so every delivery is a round trip between the two threads (the readings meanwhile queue
 *       for it in the broker) and the score is that round trip's throughput at zero network
 *       latency, not the work per message: it rises steeply when other processes compete for the
 *       CPUs.
 * </ul>
 *
 * <p>{@code -prof gc} counts every thread's allocations, so its {@code gc.alloc.rate.norm} is bytes
 * per reading in both modes, the core loop's included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class InProcessPathBenchmark {
  private static final int SENSORS = 100;
  private static final int ROUNDS = 50;
  private static final int READINGS = SENSORS * ROUNDS;

  /** Which threads carry a reading through the gateway. */
  public enum Threading { CORE_ONLY, IO_THREAD_TO_CORE }

  @Param
  public Threading threading;

  private CoreLoop core;
  private SensorNetwork sensors;

  @Setup(Level.Trial)
  public void start() {
    core = new CoreLoop();
    // Broker and gateway state belong to the core loop from birth, as in Gateway.
    SnGateway gateway = CompletableFuture.supplyAsync(this::inMemoryGateway, core).join();
    sensors = new SensorNetwork(SENSORS);
    Executor handOver = threading == Threading.CORE_ONLY ? Runnable::run : core;
    sensors.transport().start(gateway.listenerFor(sensors.transport(), handOver));
    onTheSensorsThread(sensors::connect);
  }

  @TearDown(Level.Trial)
  public void stop() {
    core.close();
  }

  @Benchmark
  @OperationsPerInvocation(READINGS)
  public void publishAndDeliver() {
    onTheSensorsThread(() -> sensors.publishAndDeliver(ROUNDS));
  }

  /** As Gateway.openStore wires them with the store off ({@code --in-memory}), no ACL file, no allowlist. */
  private SnGateway inMemoryGateway() {
    InMemoryStore store = new InMemoryStore();
    StoredState stored = store.load();
    BrokerCore broker = new BrokerCore(BrokerConfig.defaults(), store, stored.broker(), core, InstantSource.system(),
        AccessRules.DEFAULT);
    return new SnGateway(broker, MqttSnConfig.defaults(), core, core, store, stored.topicIds());
  }

  private void onTheSensorsThread(Runnable work) {
    if (threading == Threading.CORE_ONLY) {
      CompletableFuture.runAsync(work, core).join();
    } else {
      work.run();
    }
  }
}
