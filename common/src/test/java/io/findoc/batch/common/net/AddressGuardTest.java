package io.findoc.batch.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(List.of(), false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[::ffff:127.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[fd00:ec2::254]",
        "[fe80::1]",
        "[64:ff9b::a9fe:a9fe]",
        "[2002:7f00:1::]",
        "2130706433",
        "0x7f.1",
        "0177.0.0.1",
        "127.1",
        "0x7f000001",
        "127.0.0.1.",
        "192.0.2.10",
        "198.51.100.7",
        "203.0.113.200",
        "[2001:db8::1]",
        "[2001:db8:ffff::5]",
        "[::ffff:203.0.113.5]"
      })
  void internalAddressesInAnyFormAreRefused(String host) {
    assertThatThrownBy(() -> guard.check(host)).isInstanceOf(AddressNotAllowedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "[2606:2800:220:1:248:1893:25c8:1946]",
        "8.8.8.8",
        "192.0.3.1",
        "203.0.114.1",
        "[2001:db9::1]"
      })
  void publicAddressesPass(String host) {
    assertThatCode(() -> guard.check(host)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]"})
  void loopbackPassesOnlyWhenAllowed(String host) {
    assertThatCode(() -> new AddressGuard(List.of(), true).check(host)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new AddressGuard(List.of(), true).check("10.0.0.1"))
        .isInstanceOf(AddressNotAllowedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.7", "docs.internal"})
  void allowListedHostsPass(String host) {
    assertThatCode(() -> new AddressGuard(List.of("10.0.0.7", "DOCS.internal"), false).check(host))
        .doesNotThrowAnyException();
  }

  @Test
  void aNameIsRefusedIfAnyOfItsAddressesIsInternal() throws Exception {
    AddressGuard.Resolver dns =
        name ->
            switch (name) {
              case "docs.example.test" ->
                  new InetAddress[] {InetAddress.getByName("93.184.216.34")};
              case "rebind.example.test" ->
                  new InetAddress[] {
                    InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")
                  };
              case "intranet.example.test" ->
                  new InetAddress[] {InetAddress.getByName("192.168.0.10")};
              default -> throw new java.net.UnknownHostException(name);
            };
    AddressGuard withDns = new AddressGuard(List.of(), false, dns);

    assertThat(withDns.check("docs.example.test"))
        .containsExactly(InetAddress.getByName("93.184.216.34"));
    assertThatThrownBy(() -> withDns.check("rebind.example.test"))
        .isInstanceOf(AddressNotAllowedException.class)
        .hasMessageContaining("10.0.0.5");
    assertThatThrownBy(() -> withDns.check("intranet.example.test"))
        .isInstanceOf(AddressNotAllowedException.class)
        .hasMessageContaining("private");
    assertThatThrownBy(() -> withDns.check("nowhere.example.test"))
        .isInstanceOf(java.net.UnknownHostException.class);
  }
}
