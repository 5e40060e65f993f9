package org.sngw.transport.serial;

import java.util.concurrent.atomic.LongAdder;

/** What a serial transport counts for metrics; incremented from its threads and callers alike. */
final class Counters {
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder framesIn = new LongAdder();
  final LongAdder framesOut = new LongAdder();
  final LongAdder framesDropped = new LongAdder();
  final LongAdder inputDiscarded = new LongAdder();
  final LongAdder reopens = new LongAdder();
  final LongAdder listenerErrors = new LongAdder();
}
