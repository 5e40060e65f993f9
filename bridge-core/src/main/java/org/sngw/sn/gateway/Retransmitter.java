package org.sngw.sn.gateway;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.sngw.sn.codec.SnPacket;
import org.sngw.time.Cancellable;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * The one gateway-to-sensor packet that awaits an answer (WILLTOPICREQ, REGISTER, PUBLISH QoS 1/2,
 * PUBREL...): resent every Tretry, at most Nretry times, after which the sensor is given up.
 *
 * <p>Most packets are answered within milliseconds of a Tretry of seconds, so an answer does not
 * cancel the timer and a new packet does not schedule one: the pending timer, when it fires,
 * resends only if the packet then awaited is past its own deadline, and otherwise sets itself for
 * what is left. A busy sensor costs a timer per Tretry, not one per message.
 */
final class Retransmitter {
  private final Clock clock;
  private final Scheduler scheduler;
  private final long intervalNanos;
  private final int maxResends;
  private final Runnable onGiveUp;
  private SnLink link;
  private SnPacket packet;
  private UnaryOperator<SnPacket> asResend;
  private int resends;
  /** When the packet awaited is resent if still unanswered. */
  private long deadlineNanos;
  private boolean paused;
  private Cancellable timer;

  Retransmitter(Clock clock, Scheduler scheduler, Duration interval, int maxResends, Runnable onGiveUp) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.intervalNanos = interval.toNanos();
    this.maxResends = maxResends;
    this.onGiveUp = onGiveUp;
  }

  /** Sends the packet and keeps resending it, as is, until {@link #answered()}. */
  void send(SnLink to, SnPacket first) {
    send(to, first, UnaryOperator.identity());
  }

  /** Sends the packet; resends are {@code asResend} of it (a PUBLISH gets its DUP flag). */
  void send(SnLink to, SnPacket first, UnaryOperator<SnPacket> asResend) {
    this.link = to;
    this.packet = first;
    this.asResend = asResend;
    this.resends = 0;
    this.paused = false;
    to.send(first);
    awaitAnswer();
  }

  boolean isWaiting() {
    return packet != null;
  }

  /** The answer came: stop resending. */
  void answered() {
    packet = null;
    link = null;
  }

  /** The sensor went to sleep: no resends until {@link #resume()}, but the packet is kept. */
  void pause() {
    paused = packet != null;
  }

  /** The sensor is awake again: resend the kept packet at once, with a fresh count of resends. */
  void resume() {
    if (packet == null || !paused) {
      return;
    }
    paused = false;
    resends = 0;
    packet = asResend.apply(packet);
    link.send(packet);
    awaitAnswer();
  }

  /** The session is over: nothing more is sent, and no timer is left behind. */
  void stop() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    answered();
    paused = false;
  }

  private void awaitAnswer() {
    deadlineNanos = clock.nanos() + intervalNanos;
    if (timer == null) {
      timer = scheduler.schedule(Duration.ofNanos(intervalNanos), this::fire);
    }
    // Otherwise the pending timer is due before this deadline, and sets itself again then.
  }

  private void fire() {
    timer = null;
    if (packet == null || paused) {
      return;
    }
    long early = deadlineNanos - clock.nanos();
    if (early > 0) {
      timer = scheduler.schedule(Duration.ofNanos(early), this::fire);
      return;
    }
    if (resends >= maxResends) {
      stop();
      onGiveUp.run();
      return;
    }
    resends++;
    packet = asResend.apply(packet);
    link.send(packet);
    awaitAnswer();
  }
}
