package org.sngw.transport;

/**
 * Where a sensor is reached on a transport. Value objects: equal addresses name the same sensor,
 * so they key the gateway's session map: implement them as records. A transport module may bring
 * its own kind.
 */
public interface PeerAddress {}
