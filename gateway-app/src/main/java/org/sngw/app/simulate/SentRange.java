package org.sngw.app.simulate;

/** The messages one client sent in a span of the run: sequence numbers {@code first..last}. */
record SentRange(int clientIndex, long first, long last) {
  long count() {
    return last - first + 1;
  }
}
