package org.sngw.config;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Config keys set from the environment, for systemd drop-ins and containers: {@code
 * SNGW_MQTT_SN_GATEWAY_ID=2} sets {@code mqtt-sn.gateway-id}, the key's path upper-cased with dots
 * and dashes as underscores. A variable wins over the file; a flag wins over both. Keys inside
 * lists (a serial port, a bridge) have no variable. A {@code SNGW_} variable that names no key is
 * a problem, as an unknown key in the file is, but for the gateway's other variables.
 */
final class EnvironmentOverrides {
  static final String PREFIX = "SNGW_";
  /** Variables of the gateway that are not config keys: the launcher's and a secret's. */
  static final Set<String> NOT_KEYS =
      Set.of("SNGW_UPSTREAM_PASSWORD", "SNGW_JAR", "SNGW_JVM_OPTIONS", "SNGW_CDS_ARCHIVE");

  private final Map<String, String> variables = new TreeMap<>();
  private final Set<String> used = new HashSet<>();
  private final Set<String> asked = new HashSet<>();

  EnvironmentOverrides(Map<String, String> environment) {
    environment.forEach((name, value) -> {
      if (name.startsWith(PREFIX) && !NOT_KEYS.contains(name)) {
        variables.put(name, value);
      }
    });
  }

  /** The variable for a key's dotted path; none for a key inside a list. */
  static Optional<String> variableFor(String path) {
    if (path.contains("[")) {
      return Optional.empty();
    }
    return Optional.of(PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
  }

  /** The value the environment gives the key at {@code path}, if any. */
  Optional<String> valueFor(String path) {
    Optional<String> variable = variableFor(path);
    variable.ifPresent(asked::add);
    Optional<String> value = variable.map(variables::get);
    value.ifPresent(present -> used.add(variable.get()));
    return value;
  }

  /** Each variable no key asked for, with the closest one that would have been, after a whole read. */
  Map<String, String> unused() {
    Map<String, String> unused = new TreeMap<>();
    for (String name : variables.keySet()) {
      if (!used.contains(name)) {
        unused.put(name, asked.stream().min(Comparator.comparingInt(known -> Levenshtein.distance(known, name)))
            .orElse(""));
      }
    }
    return unused;
  }
}
