package org.sngw.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActiveLineTest {
  private final ActiveLine active = new ActiveLine();

  @Test
  void get_nothingOpen_isEmpty() {
    assertThat(active.get()).isEmpty();
  }

  @Test
  void failure_ofTheOpenLine_isSeen() {
    FakeLine line = new FakeLine();
    active.set(line);

    active.writeFailed(line, "EIO");

    assertThat(active.failure(line)).contains("EIO");
  }

  @Test
  void failure_ofALineClosedSince_isIgnored() {
    FakeLine old = new FakeLine();
    FakeLine reopened = new FakeLine();
    active.set(old);
    active.writeFailed(old, "EIO");

    active.set(reopened);

    assertThat(active.failure(reopened)).isEmpty();
  }

  @Test
  void set_afterAFailureOfTheSameLine_startsClean() {
    FakeLine line = new FakeLine();
    active.set(line);
    active.writeFailed(line, "EIO");
    active.clear();

    active.set(line);

    assertThat(active.failure(line)).isEmpty();
  }
}
