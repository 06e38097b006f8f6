package fr.vigie.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The manifest's canonical form is RFC 8785's: checked against the RFC's own examples. */
class CanonicalJsonTest {

  final ObjectMapper json = new ObjectMapper();

  String canonical(String source) throws Exception {
    return new String(CanonicalJson.bytes(json.readTree(source)), StandardCharsets.UTF_8);
  }

  @Test
  void rfc_8785_section_3_2_2_example_gives_the_rfcs_bytes() throws Exception {
    String source = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
        + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\", \"literals\": [null, true, false]}";
    assertThat(canonical(source)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,"
        + "0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void members_are_sorted_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() throws Exception {
    String source = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\","
        + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
    assertThat(canonical(source)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
        + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void numbers_are_printed_as_ecmascript_prints_them() {
    assertThat(CanonicalJson.ecmaScript(1.0)).isEqualTo("1");
    assertThat(CanonicalJson.ecmaScript(-0.0)).isEqualTo("0");
    assertThat(CanonicalJson.ecmaScript(120.5)).isEqualTo("120.5");
    assertThat(CanonicalJson.ecmaScript(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CanonicalJson.ecmaScript(1e21)).isEqualTo("1e+21");
    assertThat(CanonicalJson.ecmaScript(123456789012345680000.0)).isEqualTo("123456789012345680000");
    assertThat(CanonicalJson.ecmaScript(0.000001)).isEqualTo("0.000001");
    assertThat(CanonicalJson.ecmaScript(1e-7)).isEqualTo("1e-7");
    assertThat(CanonicalJson.ecmaScript(5e-324)).isEqualTo("5e-324");
    assertThat(CanonicalJson.ecmaScript(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(CanonicalJson.ecmaScript(9007199254740993.0)).isEqualTo("9007199254740992");
  }

  @Test
  void half_a_surrogate_pair_cannot_be_canonicalized() throws Exception {
    assertThatThrownBy(() -> canonical("{\"text\": \"\\ud83d alone\"}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
  }
}
