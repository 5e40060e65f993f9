package org.sngw.property;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Readable text of a generated value: byte arrays in hex, records and lists element by element,
 * long arrays and strings cut short with their length, so a report stays a screenful.
 */
final class Show {
  private static final int MAX_SHOWN = 256;

  private Show() {}

  static String of(Object value) {
    if (value instanceof byte[] bytes) {
      String hex = "0x" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAX_SHOWN));
      return bytes.length <= MAX_SHOWN ? hex : hex + "... (" + bytes.length + " bytes)";
    }
    if (value instanceof String s) {
      String shown = s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "... (" + s.length() + " chars)";
      return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(Show::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Object[] items) {
      return of(java.util.Arrays.asList(items));
    }
    if (value != null && value.getClass().isRecord()) {
      return record(value);
    }
    return String.valueOf(value);
  }

  private static String record(Object value) {
    StringBuilder out = new StringBuilder(value.getClass().getSimpleName()).append('[');
    RecordComponent[] components = value.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(components[i].getName()).append('=');
      try {
        var accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        out.append(of(accessor.invoke(value)));
      } catch (ReflectiveOperationException | RuntimeException e) {
        out.append('?');
      }
    }
    return out.append(']').toString();
  }
}
