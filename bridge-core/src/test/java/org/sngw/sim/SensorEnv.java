package org.sngw.sim;

import java.time.Duration;
import java.util.Map;
import org.sngw.time.VirtualTime;

/**
 * What every sensor of a run shares.
 *
 * @param datagramLifetime the longest a datagram lives in the network; sensors wait twice this
 *     between connections, and ignore what arrives this long after a CONNACK
 * @param predefined the topic ids configured on both sides
 */
record SensorEnv(VirtualTime time, Ledger ledger, SimTrace trace, Duration datagramLifetime, Map<Integer, String> predefined) {}
