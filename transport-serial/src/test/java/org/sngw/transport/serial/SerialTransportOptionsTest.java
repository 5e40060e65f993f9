package org.sngw.transport.serial;

import org.sngw.time.Backoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialTransportOptionsTest {
  @Test
  void of_maxFrameSize_usesDefaultQueueAndBackoff() {
    SerialTransportOptions options = SerialTransportOptions.of(255);

    assertThat(options.maxFrameSize()).isEqualTo(255);
    assertThat(options.sendQueueCapacity()).isEqualTo(SerialTransportOptions.DEFAULT_SEND_QUEUE_CAPACITY);
    assertThat(options.reopenBackoff()).isEqualTo(Backoff.DEFAULT);
  }

  @Test
  void new_tinyFrames_areRejected() {
    assertThatThrownBy(() -> SerialTransportOptions.of(1)).hasMessageContaining("maxFrameSize");
  }

  @Test
  void withSendQueueCapacity_zero_isRejected() {
    assertThatThrownBy(() -> SerialTransportOptions.of(255).withSendQueueCapacity(0))
        .hasMessageContaining("sendQueueCapacity");
  }
}
