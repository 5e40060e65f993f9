package org.sngw.sim;

/** One broken promise; {@code knownBug} is null unless a known production bug explains it. */
record Violation(String text, KnownBug knownBug) {
  static Violation of(String text) {
    return new Violation(text, null);
  }

  @Override
  public String toString() {
    return knownBug == null ? text : text + "  [known bug " + knownBug + "]";
  }
}
