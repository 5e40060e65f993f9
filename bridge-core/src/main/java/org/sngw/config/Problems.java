package org.sngw.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Problems found in one config file and its environment, kept to be reported together in file order. */
final class Problems {
  /** @param line in the file, or 0 for the environment's, which come first */
  private record Problem(int line, String text) {
    String where() {
      return line == 0 ? "(environment)" : "(line " + line + ")";
    }
  }

  private final List<Problem> found = new ArrayList<>();

  void add(Node at, String path, String issue) {
    found.add(new Problem(at.getStartMark().getLine() + 1, path + ": " + issue));
  }

  /** A problem with an environment variable, named as it is set. */
  void addFromEnvironment(String variable, String issue) {
    found.add(new Problem(0, variable + ": " + issue));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * One line per problem, e.g. {@code mqtt-sn.retry-count: must be 1..100, was 0 (line 7)} or
   * {@code SNGW_MQTT_SN_GATEWAY_ID: must be 1..255, was 0 (environment)}.
   */
  List<String> lines() {
    return found.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(p -> p.text() + " " + p.where())
        .toList();
  }
}
