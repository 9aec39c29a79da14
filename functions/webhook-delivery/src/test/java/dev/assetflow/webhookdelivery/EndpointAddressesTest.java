package dev.assetflow.webhookdelivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.169.254", "fe80::1", "0.0.0.0",
            "100.64.3.4", "fd12:3456::1", "::ffff:127.0.0.1", "224.0.0.1"})
    void privateLoopbackLinkLocalAndOtherInternalAddressesAreRefused(String literal) throws Exception {
        assertThat(EndpointAddresses.notPublic(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        assertThat(EndpointAddresses.notPublic(InetAddress.getByName(literal))).as(literal).isEmpty();
    }
}
