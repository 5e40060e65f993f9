package org.sngw.store;

import java.time.Duration;
import java.time.Instant;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** No persistence: nothing survives a restart, and everything is "durable" at once. */
public final class InMemoryStore implements StateStore {
  @Override
  public StoredState load() {
    return StoredState.empty();
  }

  @Override
  public void saveSession(String clientId) {}

  @Override
  public void deleteSession(String clientId) {}

  @Override
  public void saveOfflineSince(String clientId, Instant since) {}

  @Override
  public void deleteOfflineSince(String clientId) {}

  @Override
  public void saveSubscription(String clientId, String filter, Qos qos) {}

  @Override
  public void deleteSubscription(String clientId, String filter) {}

  @Override
  public void saveOutbound(String clientId, long sequence, Message message) {}

  @Override
  public void saveSent(String clientId, long sequence, int packetId) {}

  @Override
  public void saveReleased(String clientId, long sequence) {}

  @Override
  public void deleteOutbound(String clientId, long sequence) {}

  @Override
  public void saveInboundId(String clientId, int packetId) {}

  @Override
  public void deleteInboundId(String clientId, int packetId) {}

  @Override
  public void saveRetained(Message message) {}

  @Override
  public void deleteRetained(String topic) {}

  @Override
  public void saveWill(String clientId, Message will, Duration keepAlive) {}

  @Override
  public void deleteWill(String clientId) {}

  @Override
  public void saveTopicId(String clientId, int topicId, String topicName) {}

  @Override
  public void deleteTopicId(String clientId, int topicId) {}

  @Override
  public void deleteTopicIds(String clientId) {}

  @Override
  public void afterDurable(Runnable action) {
    action.run();
  }
}
