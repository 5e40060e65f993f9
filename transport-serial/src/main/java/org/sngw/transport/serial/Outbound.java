package org.sngw.transport.serial;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sngw.transport.WirelessNodeId;

/** A frame waiting for the writer thread, with the radio node it goes to when the framing has one. */
record Outbound(Optional<WirelessNodeId> radioNode, ByteBuffer frame) {}
