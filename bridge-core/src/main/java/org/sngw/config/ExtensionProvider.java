package org.sngw.config;

import java.util.Optional;

/**
 * Something besides the transports that a module adds to the gateway (the hardware module's status
 * LEDs and button), found at run time through {@link java.util.ServiceLoader}: the module lists
 * its provider in {@code META-INF/services/org.sngw.config.ExtensionProvider} and the config file
 * gains its keys, as with a {@link TransportProvider}.
 */
public interface ExtensionProvider {
  /**
   * Reads this extension's keys from the top level of the config file: empty when they are absent
   * (the extension is off). Mistakes are recorded through the section, not thrown.
   */
  Optional<ExtensionPlan> read(YamlSection root);
}
