package org.sngw.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopThreadTest {
  private final LoopThread loop = new LoopThread("ble-test");
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @Test
  void execute_tasks_runInOrderOnTheNamedThread() {
    for (int i = 0; i < 100; i++) {
      int n = i;
      loop.execute(() -> ran.add(Thread.currentThread().getName() + " " + n));
    }

    loop.stop(Duration.ofSeconds(5));

    assertThat(ran).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(ran.get(i)).isEqualTo("ble-test " + i);
    }
  }

  @Test
  void execute_taskThrows_laterTasksStillRun() {
    loop.execute(() -> {
      throw new IllegalStateException("a bug in one task");
    });
    loop.execute(() -> ran.add("after"));

    loop.stop(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("after");
  }

  @Test
  void stop_fromATask_returnsAtOnceAndLaterTasksDropped() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    loop.execute(() -> {
      loop.stop(Duration.ofSeconds(30));
      stopped.countDown();
    });

    assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    loop.execute(() -> ran.add("too late"));
    loop.stop(Duration.ofSeconds(5));

    assertThat(ran).isEmpty();
  }
}
