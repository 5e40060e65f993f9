package org.sngw.sn.gateway;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sngw.sn.codec.SnPacket;
import org.sngw.sn.codec.SnPacket.Disconnect;
import org.sngw.sn.codec.SnPacket.PingReq;
import org.sngw.sn.codec.SnPacket.PingResp;

/**
 * Sleeping sensors (MQTT-SN 1.2, 6.14): DISCONNECT with a duration puts a sensor to sleep and its
 * messages are buffered; PINGREQ wakes it, the buffer goes out, then PINGRESP sends it back to
 * sleep. A sensor silent for 1.5 times its sleep duration is lost (the session's keep-alive).
 */
final class SleepFlow {
  private static final Logger log = LoggerFactory.getLogger(SleepFlow.class);

  private final SnSession session;
  private final SnLink link;
  private final KeepAlive keepAlive;

  SleepFlow(SnSession session, SnLink link, KeepAlive keepAlive) {
    this.session = session;
    this.link = link;
    this.keepAlive = keepAlive;
  }

  void fallAsleep(SnConnection connection, int seconds) {
    session.moveTo(SnSession.State.ASLEEP);
    connection.outbox().pause();
    keepAlive.start(Duration.ofSeconds(seconds));
  }

  void whileAsleep(SnConnection connection, SnPacket packet) {
    if (packet instanceof PingReq) {
      session.moveTo(SnSession.State.AWAKE);
      connection.outbox().resume();
      sleepWhenDone(connection);
    } else if (packet instanceof Disconnect disconnect) {
      session.disconnect(disconnect);
    } else {
      log.debug("{} sent {} while asleep; ignored", link.peer(), packet.type());
    }
  }

  /** An awake sensor goes back to sleep once everything buffered for it went out and was answered. */
  void sleepWhenDone(SnConnection connection) {
    if (session.state() == SnSession.State.AWAKE && connection.outbox().isIdle()) {
      link.send(new PingResp());
      session.moveTo(SnSession.State.ASLEEP);
      connection.outbox().pause();
    }
  }
}
