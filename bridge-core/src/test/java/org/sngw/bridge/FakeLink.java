package org.sngw.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sngw.message.MessageProperties;
import org.sngw.message.Qos;

/** An upstream in memory: the test decides when connecting and publishing complete. */
final class FakeLink implements UpstreamLink {
  record Published(String topic, String payload, Qos qos, boolean retain, CompletableFuture<Void> ack) {}

  final List<CompletableFuture<Void>> connects = new ArrayList<>();
  final List<Published> published = new ArrayList<>();
  final List<String> subscriptions = new ArrayList<>();
  final List<Consumer<Inbound>> handlers = new ArrayList<>();
  final boolean suppressesEchoes;
  Consumer<Throwable> dropped;
  int disconnects;

  FakeLink(boolean suppressesEchoes) {
    this.suppressesEchoes = suppressesEchoes;
  }

  @Override
  public CompletableFuture<Void> connect() {
    CompletableFuture<Void> attempt = new CompletableFuture<>();
    connects.add(attempt);
    return attempt;
  }

  @Override
  public CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos, boolean retain,
      MessageProperties properties) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    published.add(new Published(topic, new String(payload, java.nio.charset.StandardCharsets.UTF_8), qos, retain, ack));
    return ack;
  }

  @Override
  public CompletableFuture<Void> subscribe(String filter, Qos qos, Consumer<Inbound> messages) {
    subscriptions.add(filter);
    handlers.add(messages);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> disconnect() {
    disconnects++;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean suppressesEchoes() {
    return suppressesEchoes;
  }

  /** The latest connection attempt succeeds. */
  void accept() {
    connects.get(connects.size() - 1).complete(null);
  }

  /** The latest connection attempt fails. */
  void refuse() {
    connects.get(connects.size() - 1).completeExceptionally(new java.net.ConnectException("Connection refused"));
  }

  /** Acknowledges every publish so far. */
  void acknowledgeAll() {
    published.forEach(p -> p.ack().complete(null));
  }

  /** A message from upstream; returns whether it was acknowledged. */
  boolean deliver(String topic, String payload, Qos qos) {
    boolean[] acknowledged = new boolean[1];
    handlers.get(0).accept(new Inbound(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), qos, false, MessageProperties.NONE,
        () -> acknowledged[0] = true));
    return acknowledged[0];
  }
}
