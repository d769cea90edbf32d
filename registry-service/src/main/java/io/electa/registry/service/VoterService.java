package io.electa.registry.service;

import io.electa.registry.domain.Station;
import io.electa.registry.domain.Voter;
import io.electa.registry.repository.CertificateRepository;
import io.electa.registry.repository.ElectionRepository;
import io.electa.registry.repository.StationRepository;
import io.electa.registry.repository.VoterRepository;
import io.electa.support.domain.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Reading the roll: one voter, the public station lookup, a station's printed list. */
@ApplicationScoped
public class VoterService {
    /** The same answer for an unknown ID and a wrong date of birth, so the lookup reveals nothing. */
    static final String NO_MATCH = "no voter with this national ID and date of birth on the roll";

    private final ElectionRepository elections;
    private final StationRepository stations;
    private final VoterRepository voters;
    private final CertificateRepository certificates;

    public VoterService(ElectionRepository elections, StationRepository stations, VoterRepository voters,
            CertificateRepository certificates) {
        this.elections = elections;
        this.stations = stations;
        this.voters = voters;
        this.certificates = certificates;
    }

    @WithSession
    public Uni<Voter> voter(String electionId, String nationalId) {
        return elections.require(electionId)
                .chain(() -> requireVoter(electionId, nationalId));
    }

    /** Voter's roll entry, or NOT_FOUND. */
    public Uni<Voter> requireVoter(String electionId, String nationalId) {
        return voters.find(electionId, nationalId)
                .onItem().ifNull().failWith(() -> new NotFoundException(
                        "voter " + nationalId + " not found on the roll of election " + electionId));
    }

    /** Where the voter votes: the certificate's station if one is active, else the home station. */
    @WithSession
    public Uni<PollingPlace> pollingPlace(String electionId, String nationalId, LocalDate dateOfBirth) {
        return elections.require(electionId)
                .chain(() -> voters.find(electionId, nationalId))
                .map(voter -> voter != null && voter.dateOfBirth().equals(dateOfBirth) ? voter : null)
                .onItem().ifNull().failWith(() -> new NotFoundException(NO_MATCH))
                .chain(voter -> certificates.findActive(electionId, nationalId)
                        .map(certificate -> certificate == null ? voter.stationCode() : certificate.stationCode)
                        .chain(code -> stations.require(electionId, code))
                        .map(station -> new PollingPlace(station, !station.stationCode.equals(voter.stationCode()))));
    }

    /** The station's roll ordered by name, after checking election and station exist. */
    public Multi<Voter> stationRoll(String electionId, String stationCode) {
        return Panache.withSession(() -> elections.require(electionId)
                        .chain(() -> stations.require(electionId, stationCode)))
                .onItem().transformToMulti(station -> voters.stationRoll(electionId, stationCode));
    }

    /** A station to vote at, and whether it comes from an absentee certificate. */
    public record PollingPlace(Station station, boolean absentee) {
    }
}
