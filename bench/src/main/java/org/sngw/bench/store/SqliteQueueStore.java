package org.sngw.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite through sqlite-jdbc in WAL mode with synchronous=FULL, where every commit fsyncs the
 * WAL; one transaction per batch, prepared statements run as JDBC batches.
 */
final class SqliteQueueStore implements QueueStore {
  private final Connection connection;
  private final PreparedStatement insert;
  private final PreparedStatement delete;

  SqliteQueueStore(Path file) {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("CREATE TABLE IF NOT EXISTS queue (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID");
      }
      connection.setAutoCommit(false);
      insert = connection.prepareStatement("INSERT INTO queue (k, v) VALUES (?, ?)");
      delete = connection.prepareStatement("DELETE FROM queue WHERE k = ?");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + file, e);
    }
  }

  @Override
  public void commit(List<String> insertKeys, byte[] value, List<String> deleteKeys) {
    try {
      for (String key : insertKeys) {
        insert.setString(1, key);
        insert.setBytes(2, value);
        insert.addBatch();
      }
      insert.executeBatch();
      for (String key : deleteKeys) {
        delete.setString(1, key);
        delete.addBatch();
      }
      delete.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("commit failed", e);
    }
  }

  @Override
  public int loadAll() {
    int count = 0;
    try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SELECT k, v FROM queue")) {
      while (rows.next()) {
        count += rows.getString(1) != null && rows.getBytes(2).length > 0 ? 1 : 0;
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("load failed", e);
    }
    return count;
  }

  @Override
  public void close() {
    try {
      insert.close();
      delete.close();
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("close failed", e);
    }
  }
}
