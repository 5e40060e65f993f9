package org.sngw.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of the config file, read through getters that fall back to a default and record a
 * problem instead of throwing, so that one pass over the file finds every mistake. Works on the
 * composed node tree, which builds no objects at all and keeps each value's line.
 */
public final class YamlSection {
  private final String path;
  private final Reading reading;
  private final Problems problems;
  private final EnvironmentOverrides environment;
  // Where problems about the section as a whole, or a key it lacks, are reported.
  private final Node anchor;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  // Keys some getter asked for; whatever else the file holds is unknown.
  private final Set<String> known = new LinkedHashSet<>();

  private YamlSection(String path, Reading reading, Node anchor) {
    this.path = path;
    this.reading = reading;
    this.problems = reading.problems();
    this.environment = reading.environment();
    this.anchor = anchor;
  }

  /** The top level of a file, under the environment's overrides; an empty file (no node) has no settings. */
  static YamlSection root(Node node, Reading reading) {
    return of("", node, reading, node);
  }

  private static YamlSection of(String path, Node node, Reading reading, Node anchor) {
    YamlSection section = new YamlSection(path, reading, node != null ? node : anchor);
    if (node instanceof MappingNode mapping) {
      section.addEntries(mapping);
    } else if (node != null && !isNull(node)) {
      // A section left empty (all its keys commented out) is null, which is fine.
      String where = path.isEmpty() ? "top level" : path;
      reading.problems().add(node, where, "expected a mapping of settings, got " + describe(node));
    }
    return section;
  }

  private void addEntries(MappingNode mapping) {
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key) || isNull(keyNode)) {
        problems.add(keyNode, childPath("?"), "expected a plain key, got " + describe(keyNode));
        continue;
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
      if (first != null) {
        int firstLine = first.getKeyNode().getStartMark().getLine() + 1;
        problems.add(keyNode, childPath(key.getValue()), "given twice, first on line " + firstLine);
      }
    }
  }

  /** The nested mapping under {@code key}, empty when the key is absent. */
  public YamlSection section(String key) {
    known.add(key);
    NodeTuple entry = entries.get(key);
    return of(childPath(key), entry == null ? null : entry.getValueNode(), reading, anchor);
  }

  /**
   * The mappings listed under {@code key}, each with a path like {@code bridges[0]}: empty when the
   * key is absent or its value is no list (reported), an empty list when the value is. Items that
   * are not mappings are reported and left out.
   */
  public Optional<List<YamlSection>> list(String key) {
    known.add(key);
    NodeTuple entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    Node node = entry.getValueNode();
    if (isNull(node)) {
      return Optional.of(List.of());
    }
    if (!(node instanceof SequenceNode sequence)) {
      problems.add(node, childPath(key), "expected a list, got " + describe(node));
      return Optional.empty();
    }
    List<YamlSection> items = new ArrayList<>();
    List<Node> nodes = sequence.getValue();
    for (int i = 0; i < nodes.size(); i++) {
      Node item = nodes.get(i);
      String itemPath = childPath(key) + "[" + i + "]";
      if (item instanceof MappingNode) {
        items.add(of(itemPath, item, reading, item));
      } else {
        problems.add(item, itemPath, "expected a mapping of settings, got " + describe(item));
      }
    }
    return Optional.of(items);
  }

  /** Whether the file has {@code key} here, whatever its value. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Whether the environment sets {@code key} here ({@link EnvironmentOverrides}), whatever the file says. */
  public boolean setByEnvironment(String key) {
    return environment.valueFor(childPath(key)).isPresent();
  }

  /** Like {@link #value}, but reports a missing key; null when it is missing or bad. */
  public <T> T required(String key, Function<String, T> parser) {
    if (!has(key) && environment.valueFor(childPath(key)).isEmpty()) {
      known.add(key);
      problem(key, "required");
      return null;
    }
    return value(key, null, parser);
  }

  /**
   * Reports a problem that no single value shows, such as two settings that contradict each
   * other, on the line of {@code key}, or of this section when the key is absent.
   */
  public void problem(String key, String issue) {
    NodeTuple entry = entries.get(key);
    problems.add(entry == null ? anchor : entry.getValueNode(), childPath(key), issue);
  }

  /**
   * The value under {@code key} converted by {@code parser}, or {@code fallback} when the key is
   * absent or the value is bad; the parser's {@link IllegalArgumentException} becomes a problem. A
   * value from the environment ({@link EnvironmentOverrides}) comes before the file's.
   */
  public <T> T value(String key, T fallback, Function<String, T> parser) {
    known.add(key);
    reading.keyRead(childPath(key));
    Optional<String> fromEnvironment = environment.valueFor(childPath(key));
    if (fromEnvironment.isPresent()) {
      try {
        return parser.apply(fromEnvironment.get());
      } catch (IllegalArgumentException e) {
        problems.addFromEnvironment(EnvironmentOverrides.variableFor(childPath(key)).orElseThrow(), e.getMessage());
        return fallback;
      }
    }
    NodeTuple entry = entries.get(key);
    if (entry == null) {
      return fallback;
    }
    Node node = entry.getValueNode();
    if (!(node instanceof ScalarNode scalar) || isNull(node)) {
      problems.add(node, childPath(key), "expected a value, got " + describe(node));
      return fallback;
    }
    try {
      return parser.apply(scalar.getValue());
    } catch (IllegalArgumentException e) {
      problems.add(node, childPath(key), e.getMessage());
      return fallback;
    }
  }

  /** All entries of a mapping whose keys are data rather than setting names, such as topic ids. */
  public <K, V> Map<K, V> map(Function<String, K> keyParser, Function<String, V> valueParser) {
    Map<K, V> result = new LinkedHashMap<>();
    for (NodeTuple tuple : entries.values()) {
      String keyText = ((ScalarNode) tuple.getKeyNode()).getValue();
      K key;
      try {
        key = keyParser.apply(keyText);
      } catch (IllegalArgumentException e) {
        problems.add(tuple.getKeyNode(), childPath(keyText), e.getMessage());
        continue;
      }
      V value = value(keyText, null, valueParser);
      if (value != null && result.putIfAbsent(key, value) != null) {
        problems.add(tuple.getKeyNode(), childPath(keyText), "same as an earlier key");
      }
    }
    return result;
  }

  /** Reports every key no getter asked for; call once the section has been read. */
  public void rejectUnknownKeys() {
    entries.forEach(
        (key, tuple) -> {
          if (!known.contains(key)) {
            problems.add(tuple.getKeyNode(), childPath(key), "unknown key" + hint(key));
          }
        });
  }

  private String hint(String unknown) {
    String closest =
        known.stream().min(Comparator.comparingInt(k -> Levenshtein.distance(k, unknown))).orElseThrow();
    if (Levenshtein.distance(closest, unknown) <= 2) {
      return " (did you mean " + closest + "?)";
    }
    return " (known keys: " + String.join(", ", known) + ")";
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static String describe(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    if (node instanceof ScalarNode scalar) {
      return "'" + scalar.getValue() + "'";
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }
}
