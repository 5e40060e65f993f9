package org.sngw.sim;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Publish;
import org.sngw.sn.codec.SnPacket.Subscribe;
import org.sngw.time.Cancellable;
import org.sngw.time.VirtualTime;

/**
 * The one request a sensor has awaiting its answer: resent every Tretry (PUBLISH and SUBSCRIBE
 * with DUP), and given up after Nretry resends.
 */
final class Exchange {
  private final VirtualTime time;
  private final Duration interval;
  private final int maxResends;
  private final Consumer<SnPacket> send;
  private final Consumer<SnPacket> onGiveUp;
  private SnPacket packet;
  private Predicate<SnPacket> answers;
  private Consumer<SnPacket> onAnswer;
  private int resends;
  private Cancellable timer;

  /** @param onGiveUp told which request went unanswered */
  Exchange(VirtualTime time, Duration interval, int maxResends, Consumer<SnPacket> send, Consumer<SnPacket> onGiveUp) {
    this.time = time;
    this.interval = interval;
    this.maxResends = maxResends;
    this.send = send;
    this.onGiveUp = onGiveUp;
  }

  void start(SnPacket request, Predicate<SnPacket> isAnswer, Consumer<SnPacket> then) {
    cancel();
    packet = request;
    answers = isAnswer;
    onAnswer = then;
    resends = 0;
    send.accept(request);
    arm();
  }

  boolean busy() {
    return packet != null;
  }

  /** Takes an incoming packet if it answers the request, and runs what follows; false otherwise. */
  boolean offer(SnPacket incoming) {
    if (packet == null || !answers.test(incoming)) {
      return false;
    }
    Consumer<SnPacket> then = onAnswer;
    cancel();
    then.accept(incoming);
    return true;
  }

  /** The other side is visibly working on it (the will questions of a CONNECT): wait a full Tretry again. */
  void progressed() {
    if (packet != null) {
      timer.cancel();
      resends = 0;
      arm();
    }
  }

  void cancel() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    packet = null;
    answers = null;
    onAnswer = null;
  }

  private void arm() {
    timer = time.schedule(interval, this::fire);
  }

  private void fire() {
    timer = null;
    if (resends >= maxResends) {
      SnPacket unanswered = packet;
      cancel();
      onGiveUp.accept(unanswered);
      return;
    }
    resends++;
    packet = asResend(packet);
    send.accept(packet);
    arm();
  }

  private static SnPacket asResend(SnPacket packet) {
    if (packet instanceof Publish p && !p.dup()) {
      return new Publish(true, p.qos(), p.retain(), p.topic(), p.msgId(), p.data());
    }
    if (packet instanceof Subscribe s && !s.dup()) {
      return new Subscribe(true, s.qos(), s.msgId(), s.topic());
    }
    return packet;
  }
}
