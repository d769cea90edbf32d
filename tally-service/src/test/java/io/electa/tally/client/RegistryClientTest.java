package io.electa.tally.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.registry.v1.ElectionStatus;
import io.electa.support.domain.UnavailableException;
import io.electa.tally.domain.ElectionPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the tally reads the registry's answers: a status it does not know is no status it guesses. */
class RegistryClientTest {
    private final RegistryClient client = new RegistryClient(null, Duration.ofSeconds(2));

    @Test
    void everyStatusOfTheContractHasItsPhase() {
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_SCHEDULED_VALUE)).isEqualTo(ElectionPhase.SCHEDULED);
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_ROLL_FROZEN_VALUE)).isEqualTo(ElectionPhase.ROLL_FROZEN);
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_POLLING_VALUE)).isEqualTo(ElectionPhase.POLLING);
        assertThat(client.phaseOf(ElectionStatus.ELECTION_STATUS_CLOSED_VALUE)).isEqualTo(ElectionPhase.CLOSED);
    }

    @Test
    void aStatusANewerRegistryAddedIsUnavailableNotAGuess() {
        assertThatThrownBy(() -> client.phaseOf(7))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("election status 7").hasMessageContaining("does not know");
    }
}
