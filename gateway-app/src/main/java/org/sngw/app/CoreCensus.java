package org.sngw.app;

import java.time.Duration;
import org.sngw.broker.BrokerCensus;
import org.sngw.broker.BrokerCore;
import org.sngw.sn.gateway.SnCensus;
import org.sngw.sn.gateway.SnGateway;
import org.sngw.time.Cancellable;
import org.sngw.time.Scheduler;

/**
 * The broker's and the sensors' counts for metrics and {@code $SYS}. They belong to the core loop,
 * so they are taken there, every period and before each {@code $SYS} round, and read from any
 * thread (the metrics endpoint's) without touching the core's state.
 */
final class CoreCensus {
  private final BrokerCore broker;
  private final SnGateway sensors;
  private final Scheduler scheduler;
  private final Duration period;
  private volatile BrokerCensus brokerCensus = BrokerCensus.EMPTY;
  private volatile SnCensus snCensus = SnCensus.EMPTY;
  private Cancellable next = () -> { };
  private boolean stopped;

  CoreCensus(BrokerCore broker, SnGateway sensors, Scheduler scheduler, Duration period) {
    this.broker = broker;
    this.sensors = sensors;
    this.scheduler = scheduler;
    this.period = period;
  }

  /** On the core loop: counts now, and again every period. */
  void start() {
    if (!stopped) {
      take();
      next = scheduler.schedule(period, this::start);
    }
  }

  /** On the core loop. */
  void stop() {
    stopped = true;
    next.cancel();
  }

  /** On the core loop: counts now. */
  void take() {
    brokerCensus = broker.census();
    snCensus = sensors.census();
  }

  BrokerCensus broker() {
    return brokerCensus;
  }

  SnCensus sensors() {
    return snCensus;
  }
}
