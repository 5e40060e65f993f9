package org.sngw.broker;


import org.sngw.message.Message;
/** What a message costs the byte bounds: its payload plus its topic (counted in chars). */
final class Footprint {
  private Footprint() {}

  static long of(Message message) {
    return (long) message.payload().length + message.topic().length();
  }
}
