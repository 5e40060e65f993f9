package org.sngw.store.mvstore;

import java.nio.file.Path;
import org.sngw.broker.BrokerChange;
import org.sngw.message.Message;
import org.sngw.message.Qos;
import org.sngw.runtime.CoreLoop;

/**
 * Run in a child JVM by {@link MvStateStoreCrashTest}: saves outbound messages of client
 * "crash" with rising sequence numbers until killed, and prints "durable N" once every sequence up
 * to N is reported durable. Two chains write in turn, so one batch builds while another syncs.
 */
final class DurableWriterProcess {
  static final String CLIENT = "crash";
  private static final int PER_TURN = 25;

  private final CoreLoop core;
  private final MvStateStore store;
  private long next;

  private DurableWriterProcess(CoreLoop core, MvStateStore store) {
    this.core = core;
    this.store = store;
  }

  public static void main(String[] args) throws StoreException {
    CoreLoop core = new CoreLoop();
    DurableWriterProcess writer = new DurableWriterProcess(core, MvStateStore.open(Path.of(args[0]), false, core));
    core.execute(() -> writer.store.write(new BrokerChange.SessionSaved(CLIENT)));
    core.execute(writer::turn);
    core.execute(writer::turn);
  }

  private void turn() {
    for (int i = 0; i < PER_TURN; i++) {
      long sequence = next++;
      Message message = StoreFixture.message("t/" + sequence, "payload " + sequence, Qos.AT_LEAST_ONCE, false);
      store.write(new BrokerChange.OutboundSaved(CLIENT, sequence, message));
    }
    long last = next - 1;
    store.afterDurable(() -> {
      System.out.println("durable " + last);
      System.out.flush();
      core.execute(this::turn);
    });
  }
}
