package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerChange;
import org.sngw.message.Qos;
import org.sngw.store.StoredState;

/** A disk that fails for a while: writes are retried and nothing is reported durable meanwhile. */
class MvStateStoreWriteFailureTest {
  @TempDir Path dir;
  private final FailingFileStore.Switch disk = new FailingFileStore.Switch();
  private StoreFixture fixture;
  private MvStateStore store;

  @BeforeEach
  void openStore() throws StoreException {
    fixture = new StoreFixture(dir);
    store = MvStateStore.open(dir, false, fixture.core, disk);
  }

  @AfterEach
  void closeAll() {
    store.close();
    fixture.close();
  }

  @Test
  void afterDurable_whileWritesFail_waitsAndRunsOnceAWriteSucceeds() throws StoreException {
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    long syncsBefore = store.syncs();
    disk.failing = true;

    fixture.onCore(() -> {
      store.write(new BrokerChange.SessionSaved("c1"));
      store.write(new BrokerChange.SubscriptionSaved("c1", "x", Qos.AT_LEAST_ONCE));
      store.afterDurable(() -> acknowledged.add("first"));
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> disk.failedWrites.get() >= 3);
    fixture.onCore(() -> {
      store.write(new BrokerChange.SubscriptionSaved("c1", "y", Qos.EXACTLY_ONCE));
      store.afterDurable(() -> acknowledged.add("second"));
    });

    assertThat(acknowledged).isEmpty();
    assertThat(store.syncs()).isEqualTo(syncsBefore);
    assertThat(store.changesWritten()).isZero();
    assertThat(store.writeFailing()).as("failing, for metrics and $SYS").isTrue();
    assertThat(store.failedWrites()).isGreaterThanOrEqualTo(3);

    disk.failing = false;
    await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() == 2);
    assertThat(store.writeFailing()).isFalse();

    assertThat(acknowledged).containsExactly("first", "second");
    StoredState state = fixture.reopen(store);
    assertThat(state.broker().sessions()).singleElement().satisfies(session ->
        assertThat(session.subscriptions()).containsOnlyKeys("x", "y"));
  }
}
