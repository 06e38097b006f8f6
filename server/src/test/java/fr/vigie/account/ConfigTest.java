package fr.vigie.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void defaults_are_port_8080_and_data_folder() {
    Config c = Config.fromEnvironment(Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(c.adminToken()).isEmpty();
  }

  @Test
  void bad_port_is_named() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_PORT", "huit"))).hasMessageContaining("VIGIE_PORT");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_PORT", "70000"))).hasMessageContaining("VIGIE_PORT");
  }

  @Test
  void short_admin_token_is_refused() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_ADMIN_TOKEN", "short")))
        .hasMessageContaining("16");
  }
}
