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
    assertThat(c.apiRequestsPerMinute()).isEqualTo(6_000);
  }

  @Test
  void api_rate_can_be_raised_for_load_runs_and_bad_values_are_named() {
    assertThat(Config.fromEnvironment(Map.of("VIGIE_API_RATE_PER_MINUTE", "1000000")).apiRequestsPerMinute())
        .isEqualTo(1_000_000);
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_API_RATE_PER_MINUTE", "beaucoup")))
        .hasMessageContaining("VIGIE_API_RATE_PER_MINUTE");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_API_RATE_PER_MINUTE", "0")))
        .hasMessageContaining("VIGIE_API_RATE_PER_MINUTE");
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

  @Test
  void time_stamping_authority_is_read_from_vigie_tsa_url_and_must_be_http() {
    assertThat(Config.fromEnvironment(Map.of()).tsaUrl()).isEmpty();
    assertThat(Config.fromEnvironment(Map.of("VIGIE_TSA_URL", " ")).tsaUrl()).isEmpty();
    assertThat(Config.fromEnvironment(Map.of("VIGIE_TSA_URL", "https://freetsa.org/tsr")).tsaUrl()).hasValue("https://freetsa.org/tsr");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("VIGIE_TSA_URL", "ftp://tsa.example/")))
        .hasMessageContaining("VIGIE_TSA_URL");
  }
}
