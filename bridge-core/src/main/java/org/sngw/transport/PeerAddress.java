package org.sngw.transport;

/**
 * Where a sensor is reached on a transport. Value objects: equal addresses name the same sensor,
 * so they key the gateway's session map.
 */
public sealed interface PeerAddress permits UdpPeer, SerialPeer, BlePeer, ForwardedPeer {}
