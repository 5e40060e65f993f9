package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sngw.store.mvstore.StoreFixture.message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerChange;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/** Many changes per sync, and {@code afterDurable} actions in order and only once on disk. */
class MvStateStoreGroupCommitTest {
  @TempDir Path dir;
  private StoreFixture fixture;
  private MvStateStore store;

  @BeforeEach
  void openStore() throws StoreException {
    fixture = new StoreFixture(dir);
    store = fixture.open();
  }

  @AfterEach
  void closeAll() {
    store.close();
    fixture.close();
  }

  @Test
  void saves_tenThousandInOneCoreTurn_needFarFewerSyncsThanChanges() throws StoreException {
    long syncsBefore = store.syncs();

    fixture.onCore(() -> {
      for (int i = 0; i < 10_000; i++) {
        store.write(new BrokerChange.RetainedSaved(message("t/" + i, "v" + i, Qos.AT_MOST_ONCE, true)));
      }
    });
    fixture.awaitDurable(store);

    assertThat(store.changesWritten()).isEqualTo(10_000);
    assertThat(store.syncs() - syncsBefore).isLessThanOrEqualTo(2);
    assertThat(fixture.reopen(store).broker().retained()).hasSize(10_000);
  }

  @Test
  void saves_fromManyCoreTasksWhileASyncIsInFlight_joinTheNextBatch() {
    long syncsBefore = store.syncs();
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      tasks.add(() -> store.write(new BrokerChange.RetainedSaved(message("t/" + n, "v", Qos.AT_MOST_ONCE, true))));
    }

    tasks.forEach(fixture.core::execute);
    fixture.awaitDurable(store);

    assertThat(store.changesWritten()).isEqualTo(2_000);
    assertThat(store.syncs() - syncsBefore).isLessThan(200);
  }

  @Test
  void afterDurable_withPendingWrites_runsOnlyAfterTheSync() {
    AtomicLong changesWrittenWhenRun = new AtomicLong(-1);

    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SubscriptionSaved("c1", "x", Qos.AT_LEAST_ONCE));
      store.afterDurable(() -> changesWrittenWhenRun.set(store.changesWritten()));
      assertThat(changesWrittenWhenRun).hasValue(-1);
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> changesWrittenWhenRun.get() != -1);
    assertThat(changesWrittenWhenRun).hasValue(2);
  }

  @Test
  void afterDurable_withNothingPending_runsAtOnce() {
    fixture.awaitDurable(store);

    boolean ranBeforeReturning = fixture.onCore(() -> {
      AtomicBoolean ran = new AtomicBoolean();
      store.afterDurable(() -> ran.set(true));
      return ran.get();
    });

    assertThat(ranBeforeReturning).isTrue();
  }

  @Test
  void afterDurable_manyAcrossBatches_runInTheOrderGiven() {
    List<Integer> order = new CopyOnWriteArrayList<>();
    for (int turn = 0; turn < 20; turn++) {
      int first = turn * 3;
      fixture.core.execute(() -> {
        store.write(new BrokerChange.SessionSaved("c" + first));
        store.afterDurable(() -> order.add(first));
        store.afterDurable(() -> order.add(first + 1));
        store.write(new BrokerChange.SessionDeleted("c" + first));
        store.afterDurable(() -> order.add(first + 2));
      });
    }

    fixture.awaitDurable(store);

    assertThat(order).hasSize(60).isSorted();
  }

  @Test
  void afterDurable_withNothingNewButAnEarlierActionWaiting_waitsBehindIt() {
    List<String> order = new CopyOnWriteArrayList<>();

    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.afterDurable(() -> order.add("first"));
      store.afterDurable(() -> order.add("second"));
      assertThat(order).isEmpty();
    });
    fixture.awaitDurable(store);

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void afterDurable_actionThatSavesAndWaitsAgain_isWrittenInALaterBatch() {
    List<String> order = new CopyOnWriteArrayList<>();

    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.afterDurable(() -> {
        order.add("first");
        store.write(new BrokerChange.SessionSaved("c2"));
        store.afterDurable(() -> order.add("nested"));
      });
      store.afterDurable(() -> order.add("second"));
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> order.size() == 3);
    assertThat(order).containsExactly("first", "second", "nested");
    assertThat(store.changesWritten()).isEqualTo(2);
  }

  @Test
  void afterDurable_actionThatThrows_doesNotStopTheOthers() {
    List<String> order = new CopyOnWriteArrayList<>();

    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.afterDurable(() -> {
        throw new IllegalStateException("boom, on purpose");
      });
      store.afterDurable(() -> order.add("after"));
    });
    fixture.awaitDurable(store);

    assertThat(order).containsExactly("after");
  }

  @Test
  void close_withPendingChangesAndActions_writesThemAndRunsTheActions() throws StoreException {
    List<String> ran = new CopyOnWriteArrayList<>();
    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("late"));
      store.afterDurable(() -> ran.add("action"));
    });

    store.close();

    assertThat(ran).containsExactly("action");
    try (MvStateStore again = fixture.open()) {
      assertThat(again.load().broker().sessions()).extracting(s -> s.clientId()).containsExactly("late");
    }
  }

  @Test
  void fileSizeBytes_afterWrites_isTheFileSize() {
    Message big = message("big", "x".repeat(100_000), Qos.AT_MOST_ONCE, true);
    fixture.onCore(() -> store.write(new BrokerChange.RetainedSaved(big)));
    fixture.awaitDurable(store);

    assertThat(store.fileSizeBytes()).isGreaterThan(100_000).isEqualTo(fixture.file().toFile().length());
  }
}
