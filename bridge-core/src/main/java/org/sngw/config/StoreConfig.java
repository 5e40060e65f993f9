package org.sngw.config;

/**
 * Where durable state lives.
 *
 * @param persistent false runs the broker in memory only: nothing survives a restart
 * @param recover start with an empty store when the stored one is damaged (it is moved aside first)
 */
public record StoreConfig(boolean persistent, boolean recover) {
  public static StoreConfig defaults() {
    return new StoreConfig(true, false);
  }
}
