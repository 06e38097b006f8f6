package fr.vigie;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

/** What a data folder holds, read straight from the SQLite file and the disk: "nothing stored" is counted, not assumed. */
public final class Store {

  private Store() {}

  /** Capture rows plus capture_file rows. */
  public static long rows(Path data) {
    return count(data, "SELECT (SELECT count(*) FROM capture) + (SELECT count(*) FROM capture_file)");
  }

  public static long count(Path data, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigie.db"));
        ResultSet r = c.createStatement().executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement (tests that tamper with the database). */
  public static void execute(Path data, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigie.db"))) {
      c.createStatement().executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Evidence files in place (staging area excluded). */
  public static long files(Path data) {
    Path root = data.resolve("files");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("tmp"))).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the store keeps the file with this hash. */
  public static Path file(Path data, String sha256) {
    return data.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  /** Flips one bit of one byte in the middle of a stored file, as a tamperer or a bad disk would. */
  public static void flipOneByte(Path data, String sha256) {
    Path file = file(data, sha256);
    try {
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
