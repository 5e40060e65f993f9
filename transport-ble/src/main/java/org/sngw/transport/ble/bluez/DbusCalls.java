package org.sngw.transport.ble.bluez;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sngw.transport.ble.central.BleException;

/**
 * Where blocking D-Bus calls run: two threads of the central's own, so a BlueZ call that hangs
 * (Connect can take seconds) never holds the caller, and one slow call leaves room for another.
 * Every call's future completes, also when the central closes before the call ran.
 */
final class DbusCalls {
  /** One blocking call to BlueZ. */
  interface Call<T> {
    T run() throws Exception;
  }

  private static final AtomicInteger CENTRALS = new AtomicInteger();

  private final ExecutorService executor;

  DbusCalls() {
    String prefix = "bluez-" + CENTRALS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, prefix + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  <T> CompletableFuture<T> submit(Call<T> call) {
    Task<T> task = new Task<>(call);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.abandon();
    }
    return task.result;
  }

  /** {@code future}, failed with {@code message} unless it completes within {@code timeout}. */
  static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout, String message) {
    return future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(error -> {
      Throwable cause = error instanceof CompletionException ? error.getCause() : error;
      return CompletableFuture.failedFuture(cause instanceof TimeoutException ? new BleException(message) : cause);
    });
  }

  /** Waits at most {@code timeout} for a call, for the SPI's synchronous methods. */
  static <T> T await(CompletableFuture<T> call, Duration timeout, String what) throws BleException {
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new BleException(what + ": no answer from BlueZ within " + timeout.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw Bluez.failure(what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BleException(what + ": interrupted", e);
    }
  }

  /** Lets queued calls finish for up to {@code grace}, then fails the ones that never ran. */
  void shutdown(Duration grace) {
    executor.shutdown();
    try {
      if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Runnable never : executor.shutdownNow()) {
      if (never instanceof Task<?> task) {
        task.abandon();
      }
    }
  }

  private static final class Task<T> implements Runnable {
    private final Call<T> call;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    Task(Call<T> call) {
      this.call = call;
    }

    @Override
    public void run() {
      try {
        result.complete(call.run());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    }

    void abandon() {
      result.completeExceptionally(new BleException("the BlueZ central is closed"));
    }
  }
}
