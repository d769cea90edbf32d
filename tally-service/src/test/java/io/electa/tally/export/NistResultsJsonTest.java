package io.electa.tally.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NistResultsJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    ExportData data = ExportFixtures.realistic();
    JsonNode report = parse(NistResultsJson.write(data));

    @Test
    void validatesAgainstOfficialSchema() {
        List<Error> errors = validate(new String(NistResultsJson.write(data), StandardCharsets.UTF_8));
        errors.forEach(error -> System.out.println("NIST schema violation: " + error));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unofficial-partial", "unofficial-complete", "certified"})
    void everyStatusIsWrittenVerbatimAsResultsStatusAndValidates(String status) {
        byte[] json = NistResultsJson.write(ExportFixtures.realistic(status));
        assertThat(parse(json).path("Status").asText()).isEqualTo(status);
        assertThat(validate(new String(json, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void unknownStatusIsRefused() {
        assertThatThrownBy(() -> NistResultsJson.write(ExportFixtures.realistic("final")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final");
    }

    @Test
    void validatorRejectsBrokenDocuments() {
        Map<String, Consumer<ObjectNode>> breakages = new HashMap<>();
        breakages.put("required Issuer removed", r -> r.remove("Issuer"));
        breakages.put("Status outside ResultsStatus", r -> r.put("Status", "final"));
        breakages.put("fractional-second GeneratedDate", r -> r.put("GeneratedDate", "2026-03-22T01:15:42.123Z"));
        breakages.put("unknown property", r -> r.put("Comment", "x"));
        breakages.put("ReportingUnitType outside enum", r -> ((ObjectNode) r.get("GpUnit").get(0)).put("Type", "nation"));
        breakages.put("VoteCounts without Count", r -> ((ObjectNode) r.at("/Election/0/Contest/0/ContestSelection/0/VoteCounts/0"))
                .remove("Count"));
        breakages.forEach((name, breakage) -> {
            ObjectNode broken = report.deepCopy();
            breakage.accept(broken);
            assertThat(validate(broken.toString())).as(name).isNotEmpty();
        });
    }

    @Test
    void reportHeader() {
        assertThat(report.path("@type").asText()).isEqualTo("ElectionResults.ElectionReport");
        assertThat(report.path("Format").asText()).isEqualTo("precinct-level");
        assertThat(report.path("Issuer").asText()).isEqualTo("Central Election Commission");
        assertThat(report.path("IssuerAbbreviation").asText()).isEqualTo("CEC");
        assertThat(report.path("VendorApplicationId").asText()).isEqualTo("electa-tally");
        assertThat(report.path("SequenceStart").asInt()).isEqualTo(1);
        assertThat(report.path("SequenceEnd").asInt()).isEqualTo(1);
        assertThat(report.path("GeneratedDate").asText()).isEqualTo("2026-03-22T01:15:42Z");
        assertThat(report.at("/ExternalIdentifier/0/Value").asText()).isEqualTo("48213");
    }

    @Test
    void generatedDateAlwaysHasWholeSecondsAndZ() {
        assertThat(NistResultsJson.generatedDate(Instant.parse("2026-03-22T00:00:00Z"))).isEqualTo("2026-03-22T00:00:00Z");
        assertThat(NistResultsJson.generatedDate(Instant.parse("2026-03-22T23:59:59.999Z"))).isEqualTo("2026-03-22T23:59:59Z");
    }

    @Test
    void gpUnitsComposeNationDistrictsStations() {
        Map<String, JsonNode> units = byId(report.path("GpUnit"));
        assertThat(units).hasSize(1 + 3 + 10);

        JsonNode nation = units.get(NistIds.NATION);
        assertThat(nation.path("Type").asText()).isEqualTo("country");
        assertThat(texts(nation.path("ComposingGpUnitIds"))).containsExactly("gpu-d-01", "gpu-d-02", "gpu-d-03");

        for (ExportDistrict district : data.districts()) {
            JsonNode unit = units.get(NistIds.district(district.districtCode()));
            assertThat(unit.path("Type").asText()).isEqualTo("other");
            assertThat(unit.path("OtherType").asText()).isEqualTo("electoral-district");
            assertThat(unit.at("/Name/Text/0/Content").asText()).isEqualTo(district.name());
            List<String> stationIds = district.stations().stream().map(s -> NistIds.station(s.stationCode())).toList();
            assertThat(texts(unit.path("ComposingGpUnitIds"))).containsExactlyElementsOf(stationIds);
            for (ExportStation station : district.stations()) {
                JsonNode stationUnit = units.get(NistIds.station(station.stationCode()));
                assertThat(stationUnit.path("Type").asText()).isEqualTo("precinct");
                assertThat(stationUnit.path("VotersRegistered").asLong()).isEqualTo(station.votersRegistered());
                assertThat(stationUnit.path("VotersParticipated").asLong()).isEqualTo(station.ballotsIssued());
                assertThat(stationUnit.at("/ExternalIdentifier/0/Value").asText()).isEqualTo(station.stationCode());
            }
        }
        assertThat(units.get("gpu-d-03").has("ComposingGpUnitIds")).isFalse();
    }

    @Test
    void candidatesPartiesAndContest() {
        JsonNode election = report.at("/Election/0");
        assertThat(election.path("Type").asText()).isEqualTo("general");
        assertThat(election.path("StartDate").asText()).isEqualTo("2026-03-21");
        assertThat(election.path("EndDate").asText()).isEqualTo("2026-03-21");
        assertThat(election.path("ElectionScopeId").asText()).isEqualTo(NistIds.NATION);
        assertThat(election.at("/Name/Text/0/Content").asText()).isEqualTo("Presidential election 2026");

        Map<String, JsonNode> parties = byId(report.path("Party"));
        assertThat(parties).hasSize(2);
        Map<String, JsonNode> candidates = byId(election.path("Candidate"));
        JsonNode novak = candidates.get("cand-K01");
        assertThat(novak.at("/BallotName/Text/0/Content").asText()).isEqualTo("Ľubomír \"Ľubo\" Novák");
        assertThat(parties.get(novak.path("PartyId").asText()).at("/Name/Text/0/Content").asText())
                .isEqualTo("Strana pokroku");
        assertThat(candidates.get("cand-K02").has("PartyId")).as("self-nominated").isFalse();
        assertThat(parties.get(candidates.get("cand-K03").path("PartyId").asText()).at("/Name/Text/0/Content").asText())
                .isEqualTo("Občianska únia");

        JsonNode contest = election.at("/Contest/0");
        assertThat(contest.path("@type").asText()).isEqualTo("ElectionResults.CandidateContest");
        assertThat(contest.path("Name").asText()).isEqualTo("President");
        assertThat(contest.path("ElectionDistrictId").asText()).isEqualTo(NistIds.NATION);
        assertThat(contest.path("VotesAllowed").asInt()).isEqualTo(1);
        JsonNode selections = contest.path("ContestSelection");
        assertThat(selections).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ExportCandidate candidate = data.candidates().get(i);
            assertThat(selections.get(i).path("@id").asText()).isEqualTo("cs-" + candidate.candidateCode());
            assertThat(selections.get(i).path("SequenceOrder").asInt()).isEqualTo(candidate.ballotOrder());
            assertThat(texts(selections.get(i).path("CandidateIds"))).containsExactly("cand-" + candidate.candidateCode());
        }
    }

    @Test
    void partiesAreDeduplicatedInBallotOrder() {
        ExportData shared = new ExportData(data.election(), List.of(
                new ExportCandidate("A", "A", "Same party", 1),
                new ExportCandidate("B", "B", "", 2),
                new ExportCandidate("C", "C", "Same party", 3)), data.districts());
        JsonNode json = parse(NistResultsJson.write(shared));
        assertThat(json.path("Party")).hasSize(1);
        assertThat(json.at("/Election/0/Candidate/0/PartyId").asText()).isEqualTo("party-1");
        assertThat(json.at("/Election/0/Candidate/2/PartyId").asText()).isEqualTo("party-1");
    }

    @Test
    void voteCountsPerStationDistrictAndNationAddUp() {
        JsonNode selections = report.at("/Election/0/Contest/0/ContestSelection");
        for (int i = 0; i < data.candidates().size(); i++) {
            Map<String, Long> counts = new HashMap<>();
            for (JsonNode voteCounts : selections.get(i).path("VoteCounts")) {
                assertThat(voteCounts.path("Type").asText()).isEqualTo("total");
                assertThat(counts.put(voteCounts.path("GpUnitId").asText(), voteCounts.path("Count").asLong()))
                        .as("one VoteCounts per GpUnit").isNull();
            }
            long nation = 0;
            for (ExportDistrict district : data.districts()) {
                long districtSum = 0;
                for (ExportStation station : district.stations()) {
                    assertThat(counts).containsEntry(NistIds.station(station.stationCode()), station.votes()[i]);
                    districtSum += station.votes()[i];
                }
                if (district.stations().isEmpty()) {
                    assertThat(counts).as("not counted is not zero").doesNotContainKey(NistIds.district(district.districtCode()));
                } else {
                    assertThat(counts).containsEntry(NistIds.district(district.districtCode()), districtSum);
                }
                nation += districtSum;
            }
            assertThat(counts).containsEntry(NistIds.NATION, nation).hasSize(1 + 2 + 10);
        }
    }

    @Test
    void ballotCountsPerUnit() {
        Map<String, JsonNode> ballotCounts = new HashMap<>();
        report.at("/Election/0/BallotCounts").forEach(b -> ballotCounts.put(b.path("GpUnitId").asText(), b));
        ExportStation first = data.districts().get(0).stations().get(0);
        assertThat(ballotCounts.get(NistIds.station(first.stationCode())).path("BallotsCast").asLong())
                .isEqualTo(first.ballotsFound());
        long found = 0;
        long invalid = 0;
        for (ExportDistrict district : data.districts()) {
            for (ExportStation station : district.stations()) {
                found += station.ballotsFound();
                invalid += station.ballotsInvalid();
            }
        }
        assertThat(ballotCounts.get(NistIds.NATION).path("BallotsCast").asLong()).isEqualTo(found);
        assertThat(ballotCounts.get(NistIds.NATION).path("BallotsRejected").asLong()).isEqualTo(invalid);
        assertThat(ballotCounts).hasSize(1 + 2 + 10);
    }

    /** The schema's "refTypes" is not a JSON Schema keyword, so the validator cannot check references: we do. */
    @Test
    void everyReferenceResolvesToAnObjectOfTheRightType() {
        Map<String, String> typeById = new HashMap<>();
        List<String[]> references = new ArrayList<>();
        collect(report, typeById, references, "");
        assertThat(references).isNotEmpty();
        for (String[] reference : references) {
            assertThat(typeById).as(reference[0]).containsKey(reference[1]);
            assertThat(typeById.get(reference[1])).as(reference[0]).isEqualTo(expectedType(reference[0]));
        }
    }

    @Test
    void nothingCountedYetIsValidAndCarriesNoCounts() {
        ExportData nothing = new ExportData(data.election(), data.candidates(),
                List.of(new ExportDistrict("03", "Voting abroad", List.of())));
        byte[] json = NistResultsJson.write(nothing);
        assertThat(validate(new String(json, StandardCharsets.UTF_8))).isEmpty();
        JsonNode empty = parse(json);
        assertThat(empty.at("/Election/0/Contest/0/ContestSelection/0/VoteCounts")).isEmpty();
        assertThat(empty.at("/Election/0").has("BallotCounts")).isFalse();
    }

    @Test
    void outputIsDeterministic() {
        assertThat(NistResultsJson.write(data)).isEqualTo(NistResultsJson.write(ExportFixtures.realistic()));
    }

    @Test
    void inconsistentInputIsRefused() {
        ExportStation bad = ExportFixtures.station("01", "9999", new long[] {1, 2}, 0);
        ExportData broken = new ExportData(data.election(), data.candidates(),
                List.of(new ExportDistrict("01", "Bratislava", List.of(bad))));
        assertThatThrownBy(() -> NistResultsJson.write(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9999");
    }

    private static String expectedType(String property) {
        switch (property) {
            case "PartyId":
                return "ElectionResults.Party";
            case "CandidateIds":
                return "ElectionResults.Candidate";
            default:
                return "ElectionResults.ReportingUnit";
        }
    }

    private static void collect(JsonNode node, Map<String, String> typeById, List<String[]> references, String name) {
        if (node.isObject()) {
            if (node.has("@id")) {
                assertThat(typeById.put(node.path("@id").asText(), node.path("@type").asText()))
                        .as("duplicate @id " + node.path("@id").asText()).isNull();
            }
            node.properties().forEach(e -> collect(e.getValue(), typeById, references, e.getKey()));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, typeById, references, name));
        } else if ((name.endsWith("Id") || name.endsWith("Ids")) && !name.equals("VendorApplicationId")) {
            references.add(new String[] {name, node.asText()});
        }
    }

    static List<Error> validate(String json) {
        return NistSchema.validate(json);
    }

    private static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> byId = new HashMap<>();
        array.forEach(item -> byId.put(item.path("@id").asText(), item));
        return byId;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
