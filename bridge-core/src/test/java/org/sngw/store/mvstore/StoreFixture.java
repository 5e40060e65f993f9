package org.sngw.store.mvstore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.runtime.CoreLoop;
import org.sngw.store.StoredState;

/** A real core loop and a data directory, with ways to wait for the core loop and for the disk. */
final class StoreFixture implements AutoCloseable {
  final CoreLoop core = new CoreLoop();
  final Path dataDir;

  StoreFixture(Path dataDir) {
    this.dataDir = dataDir;
  }

  Path file() {
    return dataDir.resolve("state.mv.db");
  }

  MvStateStore open() throws StoreException {
    return MvStateStore.open(dataDir, false, core);
  }

  /** Runs the task on the core loop and waits for it. */
  void onCore(Runnable task) {
    onCore(() -> {
      task.run();
      return null;
    });
  }

  <T> T onCore(Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, core).orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Waits until everything saved so far is on disk. */
  void awaitDurable(MvStateStore store) {
    CompletableFuture<Void> durable = new CompletableFuture<>();
    core.execute(() -> store.afterDurable(() -> durable.complete(null)));
    durable.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** Closes the store, opens the file again and returns what it holds. */
  StoredState reopen(MvStateStore store) throws StoreException {
    store.close();
    try (MvStateStore again = open()) {
      return again.load();
    }
  }

  static Message message(String topic, String payload, Qos qos, boolean retain) {
    return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain);
  }

  @Override
  public void close() {
    core.close();
  }
}
