package org.sngw.transport.udp;

import java.util.concurrent.atomic.LongAdder;

/** What the UDP transport counts for metrics; incremented from I/O and caller threads alike. */
final class Counters {
  final LongAdder received = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder listenerErrors = new LongAdder();
}
