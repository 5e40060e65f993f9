package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.sngw.sn.codec.SnPacket;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * The one gateway-to-sensor packet that awaits an answer (WILLTOPICREQ, REGISTER, PUBLISH QoS 1/2,
 * PUBREL...): resent every Tretry, at most Nretry times, after which the sensor is given up.
 */
final class Retransmitter {
  private final Scheduler scheduler;
  private final Duration interval;
  private final int maxResends;
  private final Runnable onGiveUp;
  private SnLink link;
  private SnPacket packet;
  private UnaryOperator<SnPacket> asResend;
  private int resends;
  private Cancellable timer;

  Retransmitter(Scheduler scheduler, Duration interval, int maxResends, Runnable onGiveUp) {
    this.scheduler = scheduler;
    this.interval = interval;
    this.maxResends = maxResends;
    this.onGiveUp = onGiveUp;
  }

  /** Sends the packet and keeps resending it, as is, until {@link #answered()}. */
  void send(SnLink to, SnPacket first) {
    send(to, first, UnaryOperator.identity());
  }

  /** Sends the packet; resends are {@code asResend} of it (a PUBLISH gets its DUP flag). */
  void send(SnLink to, SnPacket first, UnaryOperator<SnPacket> asResend) {
    stop();
    this.link = to;
    this.packet = first;
    this.asResend = asResend;
    this.resends = 0;
    to.send(first);
    timer = scheduler.schedule(interval, this::fire);
  }

  boolean isWaiting() {
    return packet != null;
  }

  /** The answer came: stop resending. */
  void answered() {
    stop();
  }

  /** The sensor went to sleep: no resends until {@link #resume()}, but the packet is kept. */
  void pause() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** The sensor is awake again: resend the kept packet at once, with a fresh count of resends. */
  void resume() {
    if (packet == null || timer != null) {
      return;
    }
    resends = 0;
    packet = asResend.apply(packet);
    link.send(packet);
    timer = scheduler.schedule(interval, this::fire);
  }

  void stop() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    packet = null;
    link = null;
  }

  private void fire() {
    timer = null;
    if (resends >= maxResends) {
      stop();
      onGiveUp.run();
      return;
    }
    resends++;
    packet = asResend.apply(packet);
    link.send(packet);
    timer = scheduler.schedule(interval, this::fire);
  }
}
