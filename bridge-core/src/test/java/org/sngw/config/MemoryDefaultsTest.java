package org.sngw.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sngw.broker.BrokerConfig;

class MemoryDefaultsTest {
  private static final long MIB = 1L << 20;

  @Test
  void forHeap_theShippedHeap_isSharedOut() {
    MemoryDefaults memory = MemoryDefaults.forHeap(128 * MIB);

    assertThat(memory.queuedTotalBytes()).isEqualTo(32 * MIB);
    assertThat(memory.storeBytes()).isEqualTo(32 * MIB);
    assertThat(memory.outboxBytes()).isEqualTo(16 * MIB);
  }

  @Test
  void forHeap_largeHeap_getsTheFixedCaps() {
    for (long heap : new long[] {2L << 30, Long.MAX_VALUE}) {
      MemoryDefaults memory = MemoryDefaults.forHeap(heap);

      assertThat(memory.queuedTotalBytes()).isEqualTo(BrokerConfig.DEFAULT_MAX_QUEUED_TOTAL_BYTES).isEqualTo(64 * MIB);
      assertThat(memory.storeBytes()).isEqualTo(BrokerConfig.DEFAULT_MAX_STORE_BYTES).isEqualTo(256 * MIB);
      assertThat(memory.outboxBytes()).isEqualTo(64 * MIB);
    }
  }

  @Test
  void forHeap_sharesLeaveMostOfTheHeapForSessionsAndWork() {
    long heap = 128 * MIB;
    MemoryDefaults memory = MemoryDefaults.forHeap(heap);

    assertThat(memory.queuedTotalBytes() + memory.storeBytes() + memory.outboxBytes())
        .as("queues, store and one bridge's outbox all full").isLessThanOrEqualTo(heap * 5 / 8);
  }

  @Test
  void defaults_followThisJvmsHeap() {
    MemoryDefaults memory = MemoryDefaults.ofThisJvm();

    assertThat(GatewayConfig.defaults().broker().maxQueuedTotalBytes()).isEqualTo(memory.queuedTotalBytes());
    assertThat(GatewayConfig.defaults().broker().maxStoreBytes()).isEqualTo(memory.storeBytes());
    assertThat(BridgeConfig.OutboxLimits.defaults().maxBytes()).isEqualTo(memory.outboxBytes());
  }
}
