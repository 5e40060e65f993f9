package org.sngw.sn.gateway;

import org.sngw.broker.Broker;
import org.sngw.events.GatewayEvents;
import org.sngw.time.Clock;
import org.sngw.time.Scheduler;

/**
 * What every sensor's session shares, made once by {@link SnGateway} and handed to each session
 * and its flows, which take from it only what they use.
 *
 * @param registries the topic ids of every client, kept for persistent sessions
 * @param predefined the topic ids the operator configured for all sensors
 * @param events told when a sensor connects and when it is lost
 */
record SessionServices(
    Broker broker,
    MqttSnConfig config,
    Clock clock,
    Scheduler scheduler,
    TopicRegistries registries,
    PredefinedTopics predefined,
    SnStats stats,
    GatewayEvents events) {}
