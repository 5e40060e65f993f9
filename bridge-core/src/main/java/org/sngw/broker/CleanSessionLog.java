package org.sngw.broker;


import org.sngw.message.Message;
import org.sngw.message.Qos;
/** A clean session keeps nothing in the store, so it has nothing to write and no budget to respect. */
final class CleanSessionLog implements SessionLog {
  static final CleanSessionLog INSTANCE = new CleanSessionLog();

  private CleanSessionLog() {}

  @Override
  public boolean fits(Message message) {
    return true;
  }

  @Override
  public void outbound(long sequence, Message message) {}

  @Override
  public void sent(long sequence, int packetId) {}

  @Override
  public void released(long sequence) {}

  @Override
  public void done(long sequence, Message message) {}

  @Override
  public void restored(Message message) {}

  @Override
  public void subscribed(String filter, Qos qos, DeliveryOptions options) {}

  @Override
  public void unsubscribed(String filter) {}

  @Override
  public void inboundRemembered(int packetId) {}

  @Override
  public void inboundForgotten(int packetId) {}

  @Override
  public void ended() {}
}
