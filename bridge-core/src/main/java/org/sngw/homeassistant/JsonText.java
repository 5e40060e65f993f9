package org.sngw.homeassistant;

/** Just enough JSON writing for discovery messages: an object of members, strings escaped as RFC 8259 asks. */
final class JsonText {
  private final StringBuilder out = new StringBuilder("{");
  private boolean first = true;

  JsonText string(String name, String value) {
    return member(name).quoted(value);
  }

  JsonText strings(String name, String value) {
    member(name).out.append('[');
    quoted(value).out.append(']');
    return this;
  }

  JsonText number(String name, int value) {
    member(name).out.append(value);
    return this;
  }

  JsonText object(String name, JsonText value) {
    member(name).out.append(value);
    return this;
  }

  @Override
  public String toString() {
    return out + "}";
  }

  private JsonText member(String name) {
    if (!first) {
      out.append(',');
    }
    first = false;
    return quoted(name).colon();
  }

  private JsonText colon() {
    out.append(':');
    return this;
  }

  private JsonText quoted(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
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
    return this;
  }
}
