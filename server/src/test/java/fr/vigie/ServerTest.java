package fr.vigie;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real Vigie for each test method, on a free port, with its own data folder (deleted after). */
public abstract class ServerTest {

  @TempDir protected Path data;
  protected TestServer server;

  @BeforeEach
  void startServer() {
    server = new TestServer(data);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
