package org.sngw.config;

import java.util.List;

/** Every problem found in one config source, so the user can fix them all in one go. */
public final class ConfigException extends Exception {
  private final String source;
  private final List<String> problems;

  /**
   * @param source where the config came from, usually the file name
   * @param problems one line each, naming the setting and the issue
   */
  public ConfigException(String source, List<String> problems) {
    super(source + ": " + String.join("; ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<String> problems() {
    return problems;
  }
}
