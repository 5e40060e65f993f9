package org.sngw.app.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sngw.config.GatewayConfig;

/**
 * The settings in effect, as {@code check-config} prints them: the configuration records walked
 * component by component, in YAML's shape with the file's kebab-case names, so that what a file,
 * the environment and the defaults came to can be read at a glance. Secrets are never printed:
 * a password shows as {@code (set)}, and a URI's password is masked.
 */
final class EffectiveSettings {
  private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token");
  private static final String INDENT = "  ";

  private EffectiveSettings() {}

  static String of(GatewayConfig config) {
    StringBuilder out = new StringBuilder();
    components(out, "", config);
    return out.toString().stripTrailing();
  }

  private static void components(StringBuilder out, String indent, Record record) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = read(component, record);
      entry(out, indent, kebab(component.getName()), isSecret(component.getName()) ? masked(value) : value);
    }
  }

  private static void entry(StringBuilder out, String indent, String key, Object value) {
    Object shown = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (shown instanceof Record record && !isLeaf(record)) {
      out.append(indent).append(key).append(":\n");
      components(out, indent + INDENT, record);
    } else if (shown instanceof Collection<?> items && !items.isEmpty()) {
      out.append(indent).append(key).append(":\n");
      items.forEach(item -> item(out, indent + INDENT, item));
    } else if (shown instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append(indent).append(key).append(":\n");
      map.forEach((k, v) -> entry(out, indent + INDENT, String.valueOf(k), v));
    } else {
      out.append(indent).append(key).append(": ").append(scalar(shown)).append('\n');
    }
  }

  /** A list item: a record under its kind's name (a transport may be UDP or a serial port), else a value. */
  private static void item(StringBuilder out, String indent, Object item) {
    if (item instanceof Record record && !isLeaf(record)) {
      out.append(indent).append("- ").append(kebab(record.getClass().getSimpleName())).append(":\n");
      components(out, indent + INDENT + INDENT, record);
    } else {
      out.append(indent).append("- ").append(scalar(item)).append('\n');
    }
  }

  private static String scalar(Object value) {
    if (value == null || (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return "none";
    }
    if (value instanceof Duration duration) {
      return duration(duration);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (value instanceof URI uri) {
      return withoutPassword(uri);
    }
    if (value instanceof Path path) {
      return path.toString();
    }
    if (value instanceof String text) {
      return quotedIfNeeded(text);
    }
    if (value instanceof Record record && !declaresToString(record)) {
      // One part only (a topic pattern's text): that part says it.
      return scalar(read(record.getClass().getRecordComponents()[0], record));
    }
    return String.valueOf(value);
  }

  /** As YAML reads it back: quoted when empty, padded, or starting or holding what YAML would take as syntax. */
  private static String quotedIfNeeded(String text) {
    boolean plain = !text.isEmpty() && text.equals(text.strip()) && "#*&!|>'\"%@`{}[],?:-".indexOf(text.charAt(0)) < 0
        && !text.contains(": ") && !text.contains(" #");
    return plain ? text : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A record that says itself in one value (an address, a topic pattern) rather than in parts. */
  private static boolean isLeaf(Record record) {
    return declaresToString(record) || record.getClass().getRecordComponents().length == 1;
  }

  /** Whether the record writes itself its own way (an address as HOST:PORT), not as {@code Name[part=...]}. */
  private static boolean declaresToString(Record record) {
    return !record.toString().startsWith(record.getClass().getSimpleName() + "[");
  }

  private static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % 86_400_000 == 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  private static Object masked(Object value) {
    boolean set = value instanceof Optional<?> optional ? optional.isPresent() : value != null;
    return set ? "(set)" : null;
  }

  private static String withoutPassword(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null || !userInfo.contains(":")) {
      return uri.toString();
    }
    return uri.toString().replace(userInfo + "@", userInfo.substring(0, userInfo.indexOf(':')) + ":(set)@");
  }

  /** {@code maxQueuedMessages} as the file names it: {@code max-queued-messages}. */
  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
    }
  }
}
