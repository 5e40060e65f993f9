package org.sngw.sn.codec;

/** What {@link SnDecoder#decode} returns: a packet, or why the bytes are not one. */
public sealed interface SnDecodeResult permits SnPacket, SnMalformed {}
