package com.syncwell.api.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpAddressTest {

  @Test
  void ipv6_text_is_canonical_as_rfc_5952_describes() {
    assertThat(canonical("2001:0db8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
    assertThat(canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(canonical("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
    assertThat(canonical("0:0:0:0:0:0:0:0")).isEqualTo("::");
    assertThat(canonical("::1")).isEqualTo("::1");
    assertThat(canonical("1::")).isEqualTo("1::");
    assertThat(canonical("ABCD:EF01::")).isEqualTo("abcd:ef01::");
    assertThat(canonical("::192.0.2.1")).isEqualTo("::c000:201");
  }

  @Test
  void ipv4_mapped_ipv6_is_the_ipv4_address() {
    assertThat(canonical("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(canonical("0:0:0:0:0:ffff:c000:0201")).isEqualTo("192.0.2.1");
  }

  @Test
  void ipv4_text_is_dotted_decimal() {
    assertThat(canonical("0.0.0.0")).isEqualTo("0.0.0.0");
    assertThat(canonical("255.255.255.255")).isEqualTo("255.255.255.255");
  }

  @Test
  void anything_else_is_not_an_address() {
    List<String> invalid =
        List.of(
            "",
            " ",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3.-4",
            "١.٢.٣.٤",
            "0x7f.0.0.1",
            ":::",
            "1::2::3",
            "12345::",
            "g::1",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7::8",
            "::1.2.3",
            "::1.2.3.4:5",
            "fe80::1%",
            "localhost");
    for (String text : invalid) {
      assertThat(IpAddress.parse(text)).as(text).isEmpty();
    }
  }

  @Test
  void endpoints_may_carry_brackets_ports_and_spaces() {
    assertThat(endpoint(" 192.0.2.1:8080 ")).contains("192.0.2.1");
    assertThat(endpoint("[2001:db8::1]:443")).contains("2001:db8::1");
    assertThat(endpoint("[2001:db8::1]")).contains("2001:db8::1");
    assertThat(endpoint("2001:db8::1")).contains("2001:db8::1");
    assertThat(endpoint("192.0.2.1:99999")).isEmpty();
    assertThat(endpoint("[2001:db8::1")).isEmpty();
    assertThat(endpoint("[2001:db8::1]x")).isEmpty();
    assertThat(endpoint("192.0.2.1:")).isEmpty();
  }

  private static String canonical(String text) {
    return IpAddress.parse(text).orElseThrow(() -> new AssertionError(text)).toString();
  }

  private static Optional<String> endpoint(String text) {
    return IpAddress.parseEndpoint(text).map(IpAddress::toString);
  }
}
