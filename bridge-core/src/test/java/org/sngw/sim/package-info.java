/**
 * Deterministic simulation of the MQTT-SN gateway: the real {@link org.sngw.sn.gateway.SnGateway}
 * over a real {@link org.sngw.broker.BrokerCore} (with the strict test store), sensors ({@link
 * org.sngw.sim.SimSensor}: connect with or without will, clean or persistent, register, publish at
 * QoS 0/1/2 with their own retries, subscribe, sleep, vanish or leave; some behind a forwarder) over
 * a lossy, duplicating, reordering network ({@link org.sngw.sim.SimNetwork}), and MQTT applications
 * attached to the broker (prompt ones, and at times a slow one and one that vanishes at once with a
 * persistent session: {@link org.sngw.sim.Scenario.Pace}). One thread, one {@link org.sngw.time.VirtualTime}, every random choice
 * from one seed: a seed replays the same run.
 *
 * <p>Run: {@code mvn -pl bridge-core test -Dtest='org.sngw.sim.**'} (seeds 1..300 and the focused
 * scenarios). Replay a failing seed: {@code -Dsim.seed=N}, with {@code -Dsim.trace=s07} to follow
 * one sensor and {@code -Dsim.traceEvents=N} for a longer trace. Explore: {@code -Dsim.runs=10000
 * -Dsim.firstSeed=N}.
 *
 * <p>Checked at the end of each run, once nothing is scheduled any more ({@link
 * org.sngw.sim.Invariants}, {@link org.sngw.sim.Claims}):
 *
 * <ul>
 *   <li>a QoS 1 message acknowledged to its publisher reaches at least once, and a QoS 2 message
 *       exactly once, every subscriber whose subscription stood before the message was first sent
 *       and that stayed to take it (MQTT applications; persistent sensors that did not leave for
 *       good; clean sensors whose gateway connection is still attached). An unacknowledged message
 *       makes no claim. A subscriber may miss as many messages as the broker counted dropped for
 *       it (its queue ran over its bounds);
 *   <li>no publisher is refused: a full subscriber queue holds or drops, it never refuses;
 *   <li>no subscriber receives a QoS 2 message twice; the broker routes it at most once;
 *   <li>what arrives was published, on that topic, at no higher QoS; an acknowledged message was
 *       routed;
 *   <li>the retained message of a topic is the last retained write the broker routed, in routing
 *       order, which a QoS 0 subscriber to {@code #} sees synchronously, and which with an
 *       immediate store is also the order of the broker's acknowledgements. A QoS 1 resend routed
 *       again is a new write: a delayed resend of an older value can legitimately win;
 *   <li>per gateway connection: a will fires exactly once if the gateway lost it, never if it ended
 *       by DISCONNECT or was taken over; DISCONNECT is only taken from a sensor that sent one; no
 *       connection stays attached; a sensor that vanished after its CONNACK has its will fired;
 *   <li>nothing stays scheduled once the run is quiet, which takes every persistent session left
 *       offline to expire;
 *   <li>the gateway sends no malformed frame, and the test store accepts every write.
 * </ul>
 */
package org.sngw.sim;
