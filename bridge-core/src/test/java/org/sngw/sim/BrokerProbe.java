package org.sngw.sim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sngw.broker.Broker;
import org.sngw.broker.ClientHandle;
import org.sngw.broker.ConnectRequest;
import org.sngw.broker.Delivery;
import org.sngw.broker.PublishOutcome;
import org.sngw.broker.SessionOptions;
import org.sngw.broker.SessionSink;
import org.sngw.broker.Subscription;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.time.Clock;

/**
 * Stands between the gateway and the real broker and passes every call through, noting how each
 * connection the gateway opens ends: by the sensor's DISCONNECT, as lost (will due), or taken over
 * by a newer connection. That is the gateway's own view of its sensors, which the will and delivery
 * invariants need because the protocol does not always tell a sensor (a DISCONNECT answering an
 * unknown sensor looks like one answering its DISCONNECT).
 */
final class BrokerProbe implements Broker {
  enum Ending {
    DISCONNECTED,
    LOST,
    TAKEN_OVER
  }

  record Subscribed(String filter, Qos qos, long nanos) {}

  /** One connection the gateway opened for a sensor. */
  static final class Connection {
    final String clientId;
    final long connectedNanos;
    final List<Subscribed> subscribed = new ArrayList<>();
    Message will;
    Ending ending;
    long endedNanos = -1;

    Connection(String clientId, Message will, long connectedNanos) {
      this.clientId = clientId;
      this.will = will;
      this.connectedNanos = connectedNanos;
    }

    boolean open() {
      return ending == null;
    }

    /** Whether the connection was still attached at {@code nanos}. */
    boolean openAt(long nanos) {
      return ending == null || endedNanos > nanos;
    }

    void end(Ending how, long nanos) {
      if (ending == null) {
        ending = how;
        endedNanos = nanos;
      }
    }

    @Override
    public String toString() {
      return clientId + " connection of " + connectedNanos / 1e9 + "s"
          + (ending == null ? " (open)" : " (" + ending + " at " + endedNanos / 1e9 + "s)");
    }
  }

  private final Broker broker;
  private final Clock clock;
  private final List<Connection> connections = new ArrayList<>();
  private final Map<ClientHandle, Connection> byHandle = new IdentityHashMap<>();

  BrokerProbe(Broker broker, Clock clock) {
    this.broker = broker;
    this.clock = clock;
  }

  List<Connection> connections() {
    return connections;
  }

  List<Connection> connectionsOf(String clientId) {
    return connections.stream().filter(c -> c.clientId.equals(clientId)).toList();
  }

  @Override
  public boolean mayConnect(ConnectRequest request) {
    return broker.mayConnect(request);
  }

  @Override
  public ClientHandle connect(ConnectRequest request, SessionSink sink) {
    Connection connection =
        new Connection(request.clientId(), request.will().orElse(null), clock.nanos());
    connections.add(connection);
    ClientHandle handle = broker.connect(request, new Watched(connection, sink));
    byHandle.put(handle, connection);
    return handle;
  }

  @Override
  public void disconnect(ClientHandle client, boolean graceful) {
    Connection connection = byHandle.get(client);
    if (connection != null) {
      connection.end(graceful ? Ending.DISCONNECTED : Ending.LOST, clock.nanos());
    }
    broker.disconnect(client, graceful);
  }

  @Override
  public void prepareSession(String clientId, SessionOptions options) {
    broker.prepareSession(clientId, options);
  }

  @Override
  public void updateWill(ClientHandle client, Optional<Message> will) {
    Connection connection = byHandle.get(client);
    if (connection != null && connection.open()) {
      connection.will = will.orElse(null);
    }
    broker.updateWill(client, will);
  }

  @Override
  public void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done) {
    broker.publish(from, message, done);
  }

  @Override
  public void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done) {
    broker.publishExactlyOnce(from, packetId, message, done);
  }

  @Override
  public boolean releaseInbound(ClientHandle client, int packetId) {
    return broker.releaseInbound(client, packetId);
  }

  @Override
  public void subscribe(ClientHandle client, List<Subscription> subscriptions, Consumer<List<Optional<Qos>>> granted) {
    Connection connection = byHandle.get(client);
    if (connection != null && connection.open()) {
      for (Subscription subscription : subscriptions) {
        connection.subscribed.add(new Subscribed(subscription.filter(), subscription.qos(), clock.nanos()));
      }
    }
    broker.subscribe(client, subscriptions, granted);
  }

  @Override
  public void unsubscribe(ClientHandle client, List<String> filters, Runnable done) {
    broker.unsubscribe(client, filters, done);
  }

  @Override
  public void acknowledged(ClientHandle client, int packetId) {
    broker.acknowledged(client, packetId);
  }

  @Override
  public void received(ClientHandle client, int packetId) {
    broker.received(client, packetId);
  }

  @Override
  public void completed(ClientHandle client, int packetId) {
    broker.completed(client, packetId);
  }

  /** The gateway's sink, seen on the way: a take-over ends the connection it belongs to. */
  private final class Watched implements SessionSink {
    private final Connection connection;
    private final SessionSink sink;

    Watched(Connection connection, SessionSink sink) {
      this.connection = connection;
      this.sink = sink;
    }

    @Override
    public void deliver(Delivery delivery) {
      sink.deliver(delivery);
    }

    @Override
    public void release(int packetId) {
      sink.release(packetId);
    }

    @Override
    public void takenOver() {
      connection.end(Ending.TAKEN_OVER, clock.nanos());
      sink.takenOver();
    }
  }
}
