package org.sngw.app.status;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.sngw.broker.BrokerCore;
import org.sngw.sn.gateway.SnGateway;

/**
 * Where the status page reads what it shows; everything but the warnings is read on the core loop.
 *
 * @param clientsConnected MQTT, MQTT-SN and bridge clients connected
 */
public record StatusSources(SnGateway sensors, BrokerCore broker, Supplier<List<Bridge>> bridges,
    Supplier<Store> store, IntSupplier clientsConnected, RecentWarnings warnings, String version) {

  /** An upstream bridge: its state, and messages in its outbox not yet acknowledged upstream. */
  public record Bridge(String name, String state, long backlog, long forwarded) {}

  /**
   * @param fileBytes the store file's size; 0 in memory
   * @param messageBytes bytes of stored messages
   */
  public record Store(boolean persistent, long fileBytes, long messageBytes, boolean failing) {}
}
