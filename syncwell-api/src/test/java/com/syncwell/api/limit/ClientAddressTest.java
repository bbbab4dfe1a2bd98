package com.syncwell.api.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final List<String> PROXIES = List.of("10.0.0.0/8", "fd00::/8", "192.0.2.10");
  private final ClientAddress behindProxies = ClientAddress.trusting(PROXIES);

  @Test
  void a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards() {
    assertThat(behindProxies.resolve("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
  }

  @Test
  void without_trusted_proxies_forwarded_for_is_never_read() {
    assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.7", Set.of())).isEqualTo("10.0.0.2");
  }

  @Test
  void behind_a_trusted_proxy_the_forwarded_address_is_the_client() {
    assertThat(behindProxies.resolve("10.0.0.2", "198.51.100.7")).isEqualTo("198.51.100.7");
  }

  @Test
  void addresses_the_client_sent_left_of_its_own_are_never_believed() {
    assertThat(behindProxies.resolve("10.0.0.2", "6.6.6.6, 10.9.9.9, 198.51.100.7"))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void a_chain_of_trusted_proxies_is_skipped_from_the_right() {
    assertThat(behindProxies.resolve("10.0.0.2", "198.51.100.7, 192.0.2.10, 10.1.2.3"))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void malformed_entries_are_skipped() {
    assertThat(behindProxies.resolve("10.0.0.2", "unknown, 198.51.100.7,, _hidden ,10.0.0.7 "))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void when_every_entry_is_a_trusted_proxy_the_left_most_is_the_client() {
    assertThat(behindProxies.resolve("10.0.0.2", "10.0.0.9, 10.0.0.5")).isEqualTo("10.0.0.9");
  }

  @Test
  void without_a_usable_forwarded_address_the_peer_is_the_client() {
    assertThat(behindProxies.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
    assertThat(behindProxies.resolve("10.0.0.2", "")).isEqualTo("10.0.0.2");
    assertThat(behindProxies.resolve("10.0.0.2", "unknown, not-an-ip")).isEqualTo("10.0.0.2");
  }

  @Test
  void ipv6_addresses_are_normalised() {
    assertThat(behindProxies.resolve("fd12::1", "2001:0DB8:0000:0000:0000:0000:0000:0001"))
        .isEqualTo("2001:db8::1");
    assertThat(behindProxies.resolve("2001:db8:0:0:1:0:0:1", null)).isEqualTo("2001:db8::1:0:0:1");
    assertThat(behindProxies.resolve("fe80::1%eth0", null)).isEqualTo("fe80::1");
  }

  @Test
  void ports_and_brackets_are_dropped() {
    assertThat(behindProxies.resolve("[fd00::2]:443", "198.51.100.7:5123"))
        .isEqualTo("198.51.100.7");
    assertThat(behindProxies.resolve("10.0.0.2", "[2001:db8::7]:443")).isEqualTo("2001:db8::7");
  }

  @Test
  void an_ipv4_mapped_peer_is_its_ipv4_address_and_matches_ipv4_proxies() {
    assertThat(behindProxies.resolve("::ffff:10.0.0.2", "198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(behindProxies.resolve("::ffff:203.0.113.9", null)).isEqualTo("203.0.113.9");
    assertThat(behindProxies.resolve("10.0.0.2", "::FFFF:C633:6407")).isEqualTo("198.51.100.7");
  }

  @Test
  void a_trusted_ipv6_block_forwards_too() {
    assertThat(behindProxies.resolve("fd12:3456::1", "2001:db8::7, fd00::9"))
        .isEqualTo("2001:db8::7");
  }

  @Test
  void ipv4_with_leading_zeros_is_not_an_address() {
    assertThat(behindProxies.resolve("10.0.0.2", "198.51.100.7, 010.0.0.1"))
        .isEqualTo("198.51.100.7");
  }

  @Test
  void a_peer_that_is_not_an_address_comes_back_as_it_is() {
    assertThat(behindProxies.resolve(" local-socket ", "198.51.100.7")).isEqualTo("local-socket");
  }

  @Test
  void a_trusted_proxy_entry_that_is_neither_address_nor_block_is_rejected() {
    for (String bad : List.of("10.0.0.0/33", "fd00::/129", "proxy.internal", "1.2.3.4/", "1.2.3")) {
      assertThatThrownBy(() -> ClientAddress.trusting(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void cidr_blocks_match_on_their_prefix_only() {
    ClientAddress narrow = ClientAddress.trusting(List.of("172.16.0.0/12", "2001:db8:ab00::/40"));

    assertThat(narrow.resolve("172.31.255.255", "198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(narrow.resolve("172.32.0.1", "198.51.100.7")).isEqualTo("172.32.0.1");
    assertThat(narrow.resolve("2001:db8:abff::1", "198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(narrow.resolve("2001:db8:ac00::1", "198.51.100.7")).isEqualTo("2001:db8:ac00::1");
  }
}
