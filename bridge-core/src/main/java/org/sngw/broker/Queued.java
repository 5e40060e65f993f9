package org.sngw.broker;

import org.sngw.message.Message;

/**
 * An outgoing message waiting for room in the in-flight window.
 *
 * @param sequence the message's key in the store, unique and increasing within its session
 * @param via the shared subscription it came through, to hand it to another member if this
 *     session ends first; null for any other (and for one read back from the store)
 */
record Queued(long sequence, Message message, ShareGroup via) {
  Queued(long sequence, Message message) {
    this(sequence, message, null);
  }
}
