package org.sngw.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Problems found in one config file, kept to be reported together in file order. */
final class Problems {
  private record Problem(int line, String text) {}

  private final List<Problem> found = new ArrayList<>();

  void add(Node at, String path, String issue) {
    found.add(new Problem(at.getStartMark().getLine() + 1, path + ": " + issue));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** One line per problem, e.g. {@code mqtt-sn.retry-count: must be 1..100, was 0 (line 7)}. */
  List<String> lines() {
    return found.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(p -> p.text() + " (line " + p.line() + ")")
        .toList();
  }
}
