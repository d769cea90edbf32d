package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.CreateStationRequest;
import io.electa.registry.v1.GetDistrictRequest;
import io.electa.registry.v1.GetStationRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.Station;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GeographyTest extends RegistryTestSupport {

    @Test
    void districtIsCreatedOnceAndReadable() {
        String election = newElection();
        createDistrict(election, "D7");

        var district = registry().getDistrict(GetDistrictRequest.newBuilder()
                .setElectionId(election).setDistrictCode("D7").build()).getDistrict();

        assertThat(district.getName()).isEqualTo("District D7");
        failure(Status.Code.ALREADY_EXISTS, () -> createDistrict(election, "D7"));
    }

    @Test
    void districtOfUnknownElectionIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> createDistrict("no-such-election", "D1"));
    }

    @Test
    void stationNeedsAnExistingDistrict() {
        String election = newElection();

        StatusRuntimeException e = failure(Status.Code.NOT_FOUND, () -> registry().createStation(
                createStation(election, "S1", "D404")));

        assertThat(e.getStatus().getDescription()).contains("D404");
    }

    @Test
    void stationIsCreatedOnceAndReadable() {
        String election = newElection();
        createDistrict(election, "D1");
        registry().createStation(createStation(election, "S1", "D1"));

        Station station = registry().getStation(GetStationRequest.newBuilder()
                .setElectionId(election).setStationCode("S1").build()).getStation();

        assertThat(station.getDistrictCode()).isEqualTo("D1");
        assertThat(station.getAddress()).isEqualTo("Main street 1");
        failure(Status.Code.ALREADY_EXISTS, () -> registry().createStation(createStation(election, "S1", "D1")));
    }

    @Test
    void invalidStationNamesEveryBrokenField() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().createStation(
                CreateStationRequest.newBuilder().setElectionId("x").setStationCode("bad code").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder(
                "station_code", "district_code", "name", "address", "request_id");
    }

    @Test
    void unknownStationIsNotFound() {
        String election = newElection();

        failure(Status.Code.NOT_FOUND, () -> registry().getStation(GetStationRequest.newBuilder()
                .setElectionId(election).setStationCode("S404").build()));
    }

    @Test
    void stationsAreListedByDistrictAndPaged() {
        String election = electionWithStations();

        var d1 = registry().listStations(ListStationsRequest.newBuilder()
                .setElectionId(election).setDistrictCode("D1").setPageSize(1).build());
        var d1Next = registry().listStations(ListStationsRequest.newBuilder()
                .setElectionId(election).setDistrictCode("D1").setPageSize(1).setPageToken(d1.getNextPageToken()).build());
        var all = registry().listStations(ListStationsRequest.newBuilder().setElectionId(election).build());

        assertThat(d1.getStationsList()).extracting(Station::getStationCode).containsExactly("S1");
        assertThat(d1Next.getStationsList()).extracting(Station::getStationCode).containsExactly("S2");
        assertThat(d1Next.getNextPageToken()).isEmpty();
        assertThat(all.getStationsList()).extracting(Station::getStationCode).containsExactly("S1", "S2", "S3");
    }

    @Test
    void listingStationsOfUnknownDistrictIsNotFound() {
        String election = electionWithStations();

        failure(Status.Code.NOT_FOUND, () -> registry().listStations(ListStationsRequest.newBuilder()
                .setElectionId(election).setDistrictCode("D9").build()));
    }

    @Test
    void districtsAreListedInCodeOrder() {
        String election = electionWithStations();

        var page = registry().listDistricts(ListDistrictsRequest.newBuilder().setElectionId(election).build());

        assertThat(page.getDistrictsList()).extracting(d -> d.getDistrictCode()).containsExactly("D1", "D2");
    }

    @Test
    void frozenRollRefusesNewDistrictsAndStations() {
        String election = electionWithStations();
        freezeRoll(election);

        failure(Status.Code.FAILED_PRECONDITION, () -> createDistrict(election, "D3"));
        failure(Status.Code.FAILED_PRECONDITION, () -> registry().createStation(createStation(election, "S9", "D1")));
        failure(Status.Code.FAILED_PRECONDITION, () -> importStations(election, requestId(), java.util.List.of(
                station("S9", "D1"))));
    }

    private static CreateStationRequest createStation(String election, String code, String district) {
        return CreateStationRequest.newBuilder()
                .setElectionId(election).setStationCode(code).setDistrictCode(district)
                .setName("Station " + code).setAddress("Main street 1").setRequestId(requestId()).build();
    }
}
