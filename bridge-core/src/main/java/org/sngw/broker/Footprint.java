package org.sngw.broker;

import org.sngw.message.Message;

/**
 * What a message costs the byte bounds: its payload, its topic (counted in chars) and the heap a
 * queued copy takes beside them (its entry, the message and array headers, its slot in the
 * queue), so that a flood of tiny messages is bounded by memory too, not only by count.
 */
final class Footprint {
  static final int ENTRY_BYTES = 64;

  private Footprint() {}

  static long of(Message message) {
    return ENTRY_BYTES + (long) message.payload().length + message.topic().length();
  }
}
