package org.sngw.transport.ble.bluez;

import java.util.concurrent.CompletableFuture;

/**
 * Calls that must reach BlueZ in the order they were made (a link's writes; a scan's start and
 * stop), though {@link DbusCalls} has two threads: each waits for the one before, failed or not.
 */
final class CallSequence {
  private final DbusCalls calls;
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

  CallSequence(DbusCalls calls) {
    this.calls = calls;
  }

  synchronized <T> CompletableFuture<T> submit(DbusCalls.Call<T> call) {
    CompletableFuture<T> next = last.handle((value, error) -> null)
        .thenCompose(ignored -> calls.submit(call));
    last = next;
    return next;
  }
}
