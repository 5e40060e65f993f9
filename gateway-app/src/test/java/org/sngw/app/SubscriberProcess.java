package org.sngw.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscribing client tool (mosquitto_sub, paho) printing what it receives, a message a line:
 * its output read as it comes, where one line says the subscription is live and others are not
 * messages but traces.
 */
class SubscriberProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Predicate<String> isSubscribed;
  private final Predicate<String> isMessage;
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final CountDownLatch subscribed = new CountDownLatch(1);

  SubscriberProcess(String name, Process process, Predicate<String> isSubscribed, Predicate<String> isMessage) {
    this.name = name;
    this.process = process;
    this.isSubscribed = isSubscribed;
    this.isMessage = isMessage;
    Thread reader = new Thread(this::read, name + "-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (isSubscribed.test(line)) {
          subscribed.countDown();
        } else if (isMessage.test(line)) {
          messages.add(line);
        }
      }
    } catch (IOException e) {
      // The process ended; what was read stays readable.
    }
  }

  /** Waits for the subscription's acknowledgement, and fails (the process ended) without it. */
  void awaitSubscribed() {
    try {
      if (!subscribed.await(10, TimeUnit.SECONDS)) {
        close();
        throw new AssertionError(name + " got no SUBACK within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Messages received so far, as {@code topic payload}. */
  List<String> messages() {
    return new ArrayList<>(messages);
  }

  @Override
  public void close() {
    // A subscriber retrying a vanished broker can sit out SIGTERM: make sure it is gone.
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
