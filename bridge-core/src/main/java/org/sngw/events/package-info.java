/**
 * Events of the running gateway for whoever shows its state: the core and the app call {@link
 * org.sngw.events.GatewayEvents}; the hardware module (status LEDs) listens.
 */
package org.sngw.events;
