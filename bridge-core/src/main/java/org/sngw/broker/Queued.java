package org.sngw.broker;


import org.sngw.message.Message;
/**
 * An outgoing message waiting for room in the in-flight window.
 *
 * @param sequence the message's key in the store, unique and increasing within its session
 */
record Queued(long sequence, Message message) {}
