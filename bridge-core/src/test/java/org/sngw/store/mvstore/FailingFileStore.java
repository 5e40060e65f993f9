package org.sngw.store.mvstore;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.SFChunk;
import org.h2.mvstore.SingleFileStore;

/** MVStore's file layer with a switch that makes chunk writes fail as on a full disk. */
final class FailingFileStore extends SingleFileStore {
  /** Shared by every file store the switch makes, as the store reopens after each failure. */
  static final class Switch implements StoreFile.FileStores {
    volatile boolean failing;
    final AtomicInteger failedWrites = new AtomicInteger();

    @Override
    public SingleFileStore create(Map<String, Object> settings) {
      return new FailingFileStore(settings, this);
    }
  }

  private final Switch failSwitch;

  private FailingFileStore(Map<String, Object> settings, Switch failSwitch) {
    super(settings);
    this.failSwitch = failSwitch;
  }

  @Override
  protected void writeFully(SFChunk chunk, long pos, ByteBuffer src) {
    if (failSwitch.failing) {
      failSwitch.failedWrites.incrementAndGet();
      throw DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "No space left on device (test)");
    }
    super.writeFully(chunk, pos, src);
  }
}
