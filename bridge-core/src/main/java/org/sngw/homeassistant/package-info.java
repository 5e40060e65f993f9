/**
 * Home Assistant MQTT discovery: the sensors the config describes appear in Home Assistant as
 * devices by themselves, with an availability topic that follows their sessions.
 */
package org.sngw.homeassistant;
