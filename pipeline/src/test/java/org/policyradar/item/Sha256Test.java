package org.policyradar.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void hexPrefixesOfTheStandardDigest() {
        // FIPS 180-2 test vector: SHA-256("abc")
        assertThat(Sha256.hex("abc", 32)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abc", 4)).isEqualTo("ba7816bf");
        assertThat(Sha256.hex(List.of("ab", "c"), 16)).isEqualTo(Sha256.hex("ab\0c\0", 16))
                .isNotEqualTo(Sha256.hex(List.of("a", "bc"), 16));
    }
}
