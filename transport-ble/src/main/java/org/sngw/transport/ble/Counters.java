package org.sngw.transport.ble;

import java.util.concurrent.atomic.LongAdder;

/** What a BLE transport counts for metrics; incremented from its loop and from callers of send. */
final class Counters {
  final LongAdder framesIn = new LongAdder();
  final LongAdder framesOut = new LongAdder();
  final LongAdder framesDropped = new LongAdder();
  final LongAdder inputDiscarded = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder listenerErrors = new LongAdder();
}
