package org.sngw.property;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Jazzer's fuzzer input as a {@link Draw}: a property's generator can then be steered by coverage.
 * Once the input runs out every choice is the simplest, as the provider's own contract says.
 */
public final class FuzzDraw implements Draw {
  private final FuzzedDataProvider data;

  public FuzzDraw(FuzzedDataProvider data) {
    this.data = data;
  }

  @Override
  public int between(int min, int max) {
    return data.consumeInt(min, max);
  }
}
