package org.sngw.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OwnerThreadTest {
  private final OwnerThread owner = new OwnerThread("the test state");

  @Test
  void firstThread_ownsIt_andMayComeBack() {
    assertThat(owner.isCurrent()).isTrue();
    assertThat(owner.isCurrent()).isTrue();
  }

  @Test
  void anotherThread_afterTheOwner_failsNamingBoth() {
    owner.isCurrent();
    String me = Thread.currentThread().getName();

    assertThatThrownBy(() -> CompletableFuture.runAsync(owner::isCurrent).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(AssertionError.class)
        .hasMessageContaining("the test state belongs to thread " + me);
  }
}
