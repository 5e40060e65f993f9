package org.sngw.json;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON (RFC 8259) from plain values: maps as objects (in their iteration order), iterables
 * as arrays, strings, whole numbers, doubles (three decimals; NaN and infinities as null),
 * booleans and null. Enough for what the gateway writes (discovery messages, the status page, the
 * simulator's summary) without a JSON library on the Pi.
 */
public final class Json {
  private Json() {}

  /** @throws IllegalArgumentException for a value of any other kind */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double number) {
      out.append(Double.isFinite(number) ? String.format(Locale.ROOT, "%.3f", number) : "null");
    } else if (value instanceof CharSequence text) {
      string(text, out);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        string(entry.getKey().toString(), out);
        out.append(':');
        write(entry.getValue(), out);
        if (entries.hasNext()) {
          out.append(',');
        }
      }
      out.append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      Iterator<?> each = items.iterator();
      while (each.hasNext()) {
        write(each.next(), out);
        if (each.hasNext()) {
          out.append(',');
        }
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("no JSON for " + value.getClass().getSimpleName());
    }
  }

  private static void string(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
