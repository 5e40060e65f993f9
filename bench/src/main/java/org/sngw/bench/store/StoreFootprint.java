package org.sngw.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Disk space after a long-running queue: N messages inserted and deleted again, B per commit,
 * the queue never deeper than B. Prints the files' size while the store is open and after close.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.sngw.bench.store.StoreFootprint [N] [B] [ENGINE...]}
 */
public final class StoreFootprint {
  private StoreFootprint() {}

  public static void main(String[] args) {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    List<Engine> engines = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      engines.add(Engine.valueOf(args[i]));
    }
    if (engines.isEmpty()) {
      engines.addAll(List.of(Engine.values()));
    }
    if (messages <= 0 || batch <= 0 || messages % batch != 0) {
      throw new IllegalArgumentException("N and B must be positive and N a multiple of B");
    }
    for (Engine engine : engines) {
      measure(engine, messages, batch);
    }
  }

  /** Bytes this process caused to be written to the block device, from Linux's /proc/self/io. */
  private static long writtenToDisk() {
    try {
      return Files.readAllLines(Path.of("/proc/self/io")).stream()
          .filter(l -> l.startsWith("write_bytes:"))
          .mapToLong(l -> Long.parseLong(l.substring("write_bytes:".length()).trim()))
          .findFirst().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void measure(Engine engine, int messages, int batch) {
    Path dir = StoreFiles.newDirectory("sngw-store-footprint-");
    try {
      long start = System.nanoTime();
      long writtenBefore = writtenToDisk();
      long open;
      try (QueueStore store = engine.open(dir)) {
        QueueWorkload workload = new QueueWorkload(batch);
        for (int done = 0; done < messages; done += batch) {
          workload.next(store);
        }
        open = StoreFiles.size(dir);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long written = writtenToDisk() - writtenBefore;
      System.out.printf("%-10s %,d messages inserted and deleted, %,d per commit (%,d commits) in %.1f s: "
              + "%,d bytes on disk while open, %,d after close; %,d bytes written to the device (%,d per message)%n",
          engine, messages, batch, messages / batch, seconds, open, StoreFiles.size(dir), written,
          written / messages);
    } finally {
      StoreFiles.delete(dir);
    }
  }
}
