package org.sngw.sn.gateway;

import java.util.Objects;
import org.sngw.broker.AccessRules;
import org.sngw.broker.ClientIdentity;
import org.sngw.broker.ClientIdentity.Origin;

/**
 * Access rules that also let a sensor's session pass between the sensor and the MQTT users its
 * allowlist entry names ({@code mqtt-users}), both ways; everything else is {@code rules}'.
 */
public final class SensorSessionSharing implements AccessRules {
  private final AccessRules rules;
  private final SensorAllowlist allowlist;

  public SensorSessionSharing(AccessRules rules, SensorAllowlist allowlist) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
  }

  @Override
  public boolean mayPublish(ClientIdentity client, String topic) {
    return rules.mayPublish(client, topic);
  }

  @Override
  public boolean maySubscribe(ClientIdentity client, String filter) {
    return rules.maySubscribe(client, filter);
  }

  @Override
  public boolean mayReceive(ClientIdentity client, String topic) {
    return rules.mayReceive(client, topic);
  }

  @Override
  public boolean mayTakeOver(ClientIdentity connecting, ClientIdentity holder) {
    return rules.mayTakeOver(connecting, holder) || sharedBetween(connecting, holder) || sharedBetween(holder, connecting);
  }

  /** A sensor on one side, on the other an MQTT user the sensor's entry names. */
  private boolean sharedBetween(ClientIdentity sensor, ClientIdentity user) {
    return sensor.origin() == Origin.MQTT_SN && user.origin() == Origin.MQTT && user.username().isPresent()
        && allowlist.sharesSession(sensor.clientId(), user.username().get());
  }
}
