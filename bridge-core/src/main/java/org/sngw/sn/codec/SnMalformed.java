package org.sngw.sn.codec;

/**
 * Bytes that are not a valid MQTT-SN packet. Data, not an exception: the caller decides whether
 * to log, count or drop.
 *
 * @param reason what is wrong, naming the field
 * @param offset byte offset in the frame where the problem was found
 */
public record SnMalformed(String reason, int offset) implements SnDecodeResult {}
