package org.sngw.transport.ble;

import org.sngw.time.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sngw.transport.BlePeer;

class DeviceBookTest {
  private static final BlePeer SENSOR = new BlePeer("AA:BB:CC:DD:EE:01");
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final DeviceBook book = new DeviceBook(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)));

  @Test
  void mayConnect_unknownDevice_true() {
    assertThat(book.mayConnect(SENSOR, 0)).isTrue();
  }

  @Test
  void failed_repeatedly_waitDoublesUpToMaximum() {
    long now = 0;
    for (long expected : new long[] {1, 2, 4, 8, 8}) {
      book.failed(SENSOR, now);
      assertThat(book.retryIn(SENSOR, now)).isEqualTo(Duration.ofSeconds(expected));
      assertThat(book.mayConnect(SENSOR, now + expected * SECOND - 1)).isFalse();
      now += expected * SECOND;
      assertThat(book.mayConnect(SENSOR, now)).isTrue();
    }
  }

  @Test
  void failed_firstSinceLastLinkOnly_true() {
    assertThat(book.failed(SENSOR, 0)).isTrue();
    assertThat(book.failed(SENSOR, 0)).isFalse();
    book.connected(SENSOR);
    assertThat(book.failed(SENSOR, 0)).isTrue();
  }

  @Test
  void dropped_afterFrames_backoffStartsOver() {
    book.failed(SENSOR, 0);
    book.failed(SENSOR, 0);
    book.connected(SENSOR);

    book.dropped(SENSOR, 0, true);
    assertThat(book.retryIn(SENSOR, 0)).isEqualTo(Duration.ofSeconds(1));
    book.failed(SENSOR, 0);
    assertThat(book.retryIn(SENSOR, 0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void dropped_beforeAnyFrame_countsAsFailure() {
    book.connected(SENSOR);
    book.dropped(SENSOR, 0, false);
    book.dropped(SENSOR, 0, false);

    assertThat(book.retryIn(SENSOR, 0)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void connected_secondTime_isReconnect() {
    assertThat(book.connected(SENSOR)).isFalse();
    assertThat(book.connected(SENSOR)).isTrue();
  }

  @Test
  void forgetStale_strangerNotTriedForLong_forgottenButSensorThatHadLinkKept() {
    BlePeer stranger = new BlePeer("AA:BB:CC:DD:EE:99");
    book.failed(stranger, 0);
    book.connected(SENSOR);
    book.dropped(SENSOR, 0, true);

    book.forgetStale(SECOND + Duration.ofSeconds(8).toNanos());
    assertThat(book.size()).isEqualTo(2);
    book.forgetStale(SECOND + Duration.ofSeconds(8).toNanos() + 1);

    assertThat(book.size()).isEqualTo(1);
    assertThat(book.mayConnect(stranger, 0)).isTrue();
    assertThat(book.connected(SENSOR)).isTrue();
  }
}
