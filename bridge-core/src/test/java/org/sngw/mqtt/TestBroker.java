package org.sngw.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * A small broker double for the listener tests: one owner per client id (a second connect takes
 * over), exact-topic and {@code #} subscriptions, retained messages, wills, QoS 1/2 messages
 * queued for an offline persistent session and sent when it resumes, and {@code done} completed
 * at once with ACCEPTED. Like the real broker it runs only on the core thread and
 * ignores stale handles; every call is recorded, stale or not, in thread-safe lists the tests read.
 */
final class TestBroker implements Broker {
  record Handle(String clientId, boolean sessionPresent, long serial) implements ClientHandle {}

  /** A message that reached the broker; {@code from} is null for wills and test-made messages. */
  record Published(String from, Message message) {}

  record Disconnected(String clientId, boolean graceful) {}

  enum AckKind { ACKNOWLEDGED, RECEIVED, COMPLETED, RELEASED_INBOUND }

  record Ack(AckKind kind, String clientId, int packetId) {}

  record Subscribed(String clientId, List<Subscription> subscriptions) {}

  final List<ConnectRequest> connects = new CopyOnWriteArrayList<>();
  final List<Published> published = new CopyOnWriteArrayList<>();
  final List<Disconnected> disconnects = new CopyOnWriteArrayList<>();
  final List<Ack> acks = new CopyOnWriteArrayList<>();
  final List<Subscribed> subscribes = new CopyOnWriteArrayList<>();
  final List<List<String>> unsubscribes = new CopyOnWriteArrayList<>();

  private final Set<String> deniedFilters;
  private final Map<String, Owner> owners = new HashMap<>();
  private final Set<String> persistentSessions = new HashSet<>();
  private final Map<String, Map<String, Qos>> subscriptions = new HashMap<>();
  private final Map<String, Message> retained = new LinkedHashMap<>();
  private final Map<String, List<Message>> offlineQueues = new HashMap<>();
  private long serial;

  /** @param deniedFilters filters refused as an access-control list would */
  TestBroker(Set<String> deniedFilters) {
    this.deniedFilters = deniedFilters;
  }

  private static final class Owner {
    final Handle handle;
    final SessionSink sink;
    final Set<Integer> inboundQos2 = new HashSet<>();
    Optional<Message> will;
    int lastPacketId;

    Owner(Handle handle, SessionSink sink, Optional<Message> will) {
      this.handle = handle;
      this.sink = sink;
      this.will = will;
    }

    int nextPacketId() {
      lastPacketId = lastPacketId % 0xFFFF + 1;
      return lastPacketId;
    }
  }

  /** Any client may take any session here: take-over rules are BrokerCore's, tested there. */
  @Override
  public boolean mayConnect(ConnectRequest request) {
    return true;
  }

  @Override
  public ClientHandle connect(ConnectRequest request, SessionSink sink) {
    connects.add(request);
    String id = request.clientId();
    boolean present = !request.cleanSession() && persistentSessions.contains(id);
    if (request.cleanSession()) {
      persistentSessions.remove(id);
      subscriptions.remove(id);
    } else {
      persistentSessions.add(id);
    }
    Handle handle = new Handle(id, present, ++serial);
    Owner owner = new Owner(handle, sink, request.will());
    Owner previous = owners.put(id, owner);
    if (previous != null) {
      previous.sink.takenOver();
    }
    // like the real broker, a resumed session gets its queue before connect() returns
    List<Message> queued = offlineQueues.remove(id);
    if (present && queued != null) {
      queued.forEach(message -> deliver(owner, message));
    }
    return handle;
  }

  @Override
  public void disconnect(ClientHandle client, boolean graceful) {
    disconnects.add(new Disconnected(client.clientId(), graceful));
    Owner owner = live(client);
    if (owner == null) {
      return;
    }
    owners.remove(client.clientId());
    if (!persistentSessions.contains(client.clientId())) {
      subscriptions.remove(client.clientId());
    }
    if (!graceful) {
      owner.will.ifPresent(will -> publish(null, will, outcome -> { }));
    }
  }

  @Override
  public void prepareSession(String clientId, SessionOptions options) {
    throw new UnsupportedOperationException("the MQTT listener never prepares sessions");
  }

  @Override
  public void updateWill(ClientHandle client, Optional<Message> will) {
    Owner owner = live(client);
    if (owner != null) {
      owner.will = will;
    }
  }

  @Override
  public void publish(ClientHandle from, Message message, Consumer<PublishOutcome> done) {
    published.add(new Published(from == null ? null : from.clientId(), message));
    if (message.retain()) {
      retained.put(message.topic(), message);
    }
    subscriptions.forEach((clientId, filters) -> {
      Owner owner = owners.get(clientId);
      filters.forEach((filter, qos) -> {
        Message copy = message.withFlags(message.qos().min(qos), false);
        if (!matches(filter, message.topic())) {
          return;
        }
        if (owner != null) {
          deliver(owner, copy);
        } else if (copy.qos() != Qos.AT_MOST_ONCE) {
          offlineQueues.computeIfAbsent(clientId, id -> new ArrayList<>()).add(copy);
        }
      });
    });
    done.accept(PublishOutcome.ACCEPTED);
  }

  @Override
  public void publishExactlyOnce(ClientHandle from, int packetId, Message message, Consumer<PublishOutcome> done) {
    Owner owner = live(from);
    if (owner != null && owner.inboundQos2.add(packetId)) {
      publish(from, message, outcome -> { });
    }
    done.accept(PublishOutcome.ACCEPTED);
  }

  @Override
  public boolean releaseInbound(ClientHandle client, int packetId) {
    acks.add(new Ack(AckKind.RELEASED_INBOUND, client.clientId(), packetId));
    Owner owner = live(client);
    return owner == null || owner.inboundQos2.remove(packetId);
  }

  @Override
  public void subscribe(ClientHandle client, List<Subscription> requested, Consumer<List<Optional<Qos>>> granted) {
    subscribes.add(new Subscribed(client.clientId(), requested));
    Owner owner = live(client);
    List<Optional<Qos>> result = new ArrayList<>();
    for (Subscription s : requested) {
      boolean denied = owner == null || deniedFilters.contains(s.filter());
      result.add(denied ? Optional.empty() : Optional.of(s.qos()));
      if (!denied) {
        subscriptions.computeIfAbsent(client.clientId(), id -> new LinkedHashMap<>()).put(s.filter(), s.qos());
      }
    }
    granted.accept(result);
    for (Subscription s : requested) {
      if (owner != null && !deniedFilters.contains(s.filter())) {
        retained.values().stream()
            .filter(m -> matches(s.filter(), m.topic()))
            .forEach(m -> deliver(owner, m.withFlags(m.qos().min(s.qos()), true)));
      }
    }
  }

  @Override
  public void unsubscribe(ClientHandle client, List<String> filters, Runnable done) {
    unsubscribes.add(filters);
    Map<String, Qos> mine = subscriptions.get(client.clientId());
    if (live(client) != null && mine != null) {
      filters.forEach(mine::remove);
    }
    done.run();
  }

  @Override
  public void acknowledged(ClientHandle client, int packetId) {
    acks.add(new Ack(AckKind.ACKNOWLEDGED, client.clientId(), packetId));
  }

  @Override
  public void received(ClientHandle client, int packetId) {
    acks.add(new Ack(AckKind.RECEIVED, client.clientId(), packetId));
    Owner owner = live(client);
    if (owner != null) {
      owner.sink.release(packetId);
    }
  }

  @Override
  public void completed(ClientHandle client, int packetId) {
    acks.add(new Ack(AckKind.COMPLETED, client.clientId(), packetId));
  }

  private Owner live(ClientHandle client) {
    Owner owner = owners.get(client.clientId());
    return owner != null && owner.handle.equals(client) ? owner : null;
  }

  private static void deliver(Owner owner, Message message) {
    int packetId = message.qos() == Qos.AT_MOST_ONCE ? 0 : owner.nextPacketId();
    owner.sink.deliver(new Delivery(packetId, false, message));
  }

  private static boolean matches(String filter, String topic) {
    return filter.equals("#") || filter.equals(topic);
  }
}
