package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sngw.sn.codec.SnEncoder;
import org.sngw.sn.codec.SnPacket;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;
import org.sngw.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasts ADVERTISE on every transport that can broadcast: once at start, so sensors learn of a
 * restarted gateway at once, then every interval. The duration it announces is the interval, the
 * time until the next ADVERTISE (MQTT-SN v1.2, 5.4.1), from which sensors tell that a gateway is
 * gone. Owned by the core loop: {@link #start} and {@link #stop} run there, as do its timers.
 */
public final class Advertiser {
  private static final Logger log = LoggerFactory.getLogger(Advertiser.class);

  private final SnPacket.Advertise advertise;
  private final Duration interval;
  private final List<Transport> transports;
  private final Scheduler scheduler;
  private Cancellable next;

  /**
   * @param interval whole seconds, 1s..65535s, as the ADVERTISE duration field is 16 bits of seconds
   * @param transports those that cannot broadcast are left out
   */
  public Advertiser(int gatewayId, Duration interval, List<Transport> transports, Scheduler scheduler) {
    if (interval.toNanosPart() != 0 || interval.toSeconds() < 1 || interval.toSeconds() > 0xFFFF) {
      throw new IllegalArgumentException("advertise interval must be whole seconds, 1s..65535s: " + interval);
    }
    this.advertise = new SnPacket.Advertise(gatewayId, (int) interval.toSeconds());
    this.interval = interval;
    this.transports = transports.stream().filter(Transport::canBroadcast).toList();
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** Sends the first ADVERTISE now and schedules the rest; sends nothing when no transport can broadcast. */
  public void start() {
    if (transports.isEmpty()) {
      log.warn("ADVERTISE every {}s is on, but no transport can broadcast (UDP needs a broadcast target): "
          + "nothing is advertised", interval.toSeconds());
      return;
    }
    log.info("ADVERTISE as gateway {} every {}s on {}", advertise.gatewayId(), interval.toSeconds(),
        transports.stream().map(Transport::name).toList());
    advertise();
  }

  /** No ADVERTISE after this one returns. */
  public void stop() {
    if (next != null) {
      next.cancel();
    }
  }

  private void advertise() {
    for (Transport transport : transports) {
      // A fresh buffer for each: a transport owns the frame it is given.
      transport.broadcast(SnEncoder.encode(advertise));
    }
    next = scheduler.schedule(interval, this::advertise);
  }
}
