package org.sngw.store.mvstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sngw.store.mvstore.StoreFixture.message;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sngw.broker.BrokerChange;
import org.sngw.broker.RestoredState;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.store.StoredState;

/** Whatever was reported durable is in the file, though the store was never closed. */
class MvStateStoreCrashTest {
  @TempDir Path dir;

  @Test
  void reopen_ofAFileNeverClosed_hasEverythingReportedDurable() throws StoreException, IOException {
    Message retained = message("r", "kept", Qos.AT_LEAST_ONCE, true);
    Path copyDir = Files.createDirectory(dir.resolve("after-crash"));
    try (StoreFixture fixture = new StoreFixture(dir.resolve("live")); MvStateStore store = fixture.open()) {
      fixture.onCore(() -> {
        store.write(new BrokerChange.SessionSaved("c1"));
        store.write(new BrokerChange.OutboundSaved("c1", 1, message("q", "queued", Qos.EXACTLY_ONCE, false)));
        store.write(new BrokerChange.RetainedSaved(retained));
      });
      fixture.awaitDurable(store);

      // the file as the OS has it now is what a kill -9 would leave
      Files.copy(fixture.file(), copyDir.resolve("state.mv.db"));

      try (StoreFixture other = new StoreFixture(copyDir); MvStateStore reopened = other.open()) {
        StoredState state = reopened.load();
        assertThat(state.broker().retained()).containsExactly(retained);
        assertThat(state.broker().sessions()).singleElement().satisfies(s -> assertThat(s.outbound()).hasSize(1));
      }
    }
  }

  @Test
  void reopen_afterKillMinus9OfTheWritingJvm_hasEverySequenceReportedDurable()
      throws IOException, InterruptedException, StoreException {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        DurableWriterProcess.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    long lastDurable = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (int reports = 0; reports < 40; reports++) {
        String line = out.readLine();
        assertThat(line).as("the child's report #%d", reports).isNotNull().startsWith("durable ");
        lastDurable = Long.parseLong(line.substring("durable ".length()));
      }
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    try (StoreFixture fixture = new StoreFixture(dir); MvStateStore reopened = fixture.open()) {
      List<Long> sequences = reopened.load().broker().sessions().get(0).outbound().stream()
          .map(RestoredState.Outbound::sequence).toList();
      assertThat(sequences).startsWith(LongStream.rangeClosed(0, lastDurable).boxed().toArray(Long[]::new));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("damaged"));
    }
  }
}
