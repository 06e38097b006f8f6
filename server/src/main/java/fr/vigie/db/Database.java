package fr.vigie.db;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: migrated at start-up by Flyway, used through jOOQ. Only this class knows it is SQLite; the dialect
 * and the data source are the two things to change for PostgreSQL.
 */
public final class Database {

  private final DSLContext dsl;

  public Database(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    migrate(dataSource);
    this.dsl = DSL.using(dataSource, SQLDialect.SQLITE);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  public DSLContext dsl() {
    return dsl;
  }

  /** True when a trivial query answers. */
  public boolean isUp() {
    try {
      return dsl.selectOne().fetchOne(0, Integer.class) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
