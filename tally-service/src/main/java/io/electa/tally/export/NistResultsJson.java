package io.electa.tally.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes precinct-level results as one NIST SP 1500-100 v2 (Election Results Common Data Format) ElectionReport,
 * JSON encoding, valid against NIST_V2_election_results_reporting.json.
 *
 * <p>Aggregate VoteCounts and BallotCounts are written for the nation and for each district that has at least one
 * counted station; a district without counted stations is present as a GpUnit but carries no counts, so that
 * "not counted yet" is never reported as zero votes. The output is deterministic for a given input.
 */
public final class NistResultsJson {

    /** Language tag for every InternationalizedText when none is given. */
    public static final String DEFAULT_LANGUAGE = "en";

    static final String ISSUER = "Central Election Commission";
    static final String ISSUER_ABBREVIATION = "CEC";
    static final String VENDOR_APPLICATION_ID = "electa-tally";
    static final String CONTEST_NAME = "President";

    /** The export's status strings are, verbatim, values of the schema's ResultsStatus enum. */
    private static final Set<String> RESULTS_STATUSES = Set.of("unofficial-partial", "unofficial-complete", "certified");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ExportData data;
    private final String language;
    private final JsonGenerator g;
    private final Map<String, String> partyIdByName = new LinkedHashMap<>();
    private final List<CountedUnit> countedUnits = new ArrayList<>();

    private NistResultsJson(ExportData data, String language, JsonGenerator g) {
        this.data = data;
        this.language = language;
        this.g = g;
        for (ExportCandidate candidate : data.candidates()) {
            if (!candidate.partyName().isEmpty() && !partyIdByName.containsKey(candidate.partyName())) {
                partyIdByName.put(candidate.partyName(), NistIds.party(partyIdByName.size() + 1));
            }
        }
        collectCountedUnits();
    }

    public static byte[] write(ExportData data) {
        return write(data, DEFAULT_LANGUAGE);
    }

    /** @param language BCP 47 / ISO 639 tag of the names in {@code data}, e.g. "en" or "sk". */
    public static byte[] write(ExportData data, String language) {
        ExportChecks.requireConsistent(data);
        String status = data.election().status();
        if (!RESULTS_STATUSES.contains(status)) {
            throw new IllegalArgumentException("no NIST ResultsStatus for export status " + status);
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language tag is required");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            new NistResultsJson(data, language, g).writeReport();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** NIST DateTimeWithZone: whole seconds and a zone; its pattern rejects fractional seconds. */
    static String generatedDate(Instant asOf) {
        return DateTimeFormatter.ISO_INSTANT.format(asOf.truncatedTo(ChronoUnit.SECONDS));
    }

    private void writeReport() throws IOException {
        ExportElection election = data.election();
        g.writeStartObject();
        type("ElectionReport");
        g.writeStringField("Format", "precinct-level");
        g.writeStringField("GeneratedDate", generatedDate(election.asOf()));
        g.writeStringField("Issuer", ISSUER);
        g.writeStringField("IssuerAbbreviation", ISSUER_ABBREVIATION);
        g.writeNumberField("SequenceStart", 1);
        g.writeNumberField("SequenceEnd", 1);
        g.writeStringField("Status", election.status());
        g.writeStringField("VendorApplicationId", VENDOR_APPLICATION_ID);
        g.writeArrayFieldStart("ExternalIdentifier");
        externalIdentifier("electa-ledger-sequence", Long.toString(election.ledgerSequence()));
        g.writeEndArray();
        writeGpUnits();
        writeParties();
        g.writeArrayFieldStart("Election");
        writeElection();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeGpUnits() throws IOException {
        g.writeArrayFieldStart("GpUnit");
        reportingUnitStart(NistIds.NATION, "country");
        List<String> districtIds = new ArrayList<>();
        for (ExportDistrict district : data.districts()) {
            districtIds.add(NistIds.district(district.districtCode()));
        }
        idArray("ComposingGpUnitIds", districtIds);
        g.writeEndObject();

        for (ExportDistrict district : data.districts()) {
            reportingUnitStart(NistIds.district(district.districtCode()), "other");
            g.writeStringField("OtherType", "electoral-district");
            text("Name", district.name());
            codeIdentifier(district.districtCode());
            List<String> stationIds = new ArrayList<>();
            for (ExportStation station : district.stations()) {
                stationIds.add(NistIds.station(station.stationCode()));
            }
            if (!stationIds.isEmpty()) {
                idArray("ComposingGpUnitIds", stationIds);
            }
            g.writeEndObject();
        }

        for (ExportDistrict district : data.districts()) {
            for (ExportStation station : district.stations()) {
                reportingUnitStart(NistIds.station(station.stationCode()), "precinct");
                codeIdentifier(station.stationCode());
                g.writeNumberField("VotersRegistered", station.votersRegistered());
                g.writeNumberField("VotersParticipated", station.ballotsIssued());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private void writeParties() throws IOException {
        if (partyIdByName.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("Party");
        for (Map.Entry<String, String> party : partyIdByName.entrySet()) {
            g.writeStartObject();
            g.writeStringField("@id", party.getValue());
            type("Party");
            text("Name", party.getKey());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeElection() throws IOException {
        ExportElection election = data.election();
        g.writeStartObject();
        type("Election");
        text("Name", election.name());
        g.writeStringField("StartDate", election.electionDay().toString());
        g.writeStringField("EndDate", election.electionDay().toString());
        g.writeStringField("Type", "general");
        g.writeStringField("ElectionScopeId", NistIds.NATION);
        g.writeArrayFieldStart("ExternalIdentifier");
        externalIdentifier("electa-election-id", election.electionId());
        g.writeEndArray();

        g.writeArrayFieldStart("Candidate");
        for (ExportCandidate candidate : data.candidates()) {
            g.writeStartObject();
            g.writeStringField("@id", NistIds.candidate(candidate.candidateCode()));
            type("Candidate");
            text("BallotName", candidate.fullName());
            codeIdentifier(candidate.candidateCode());
            if (!candidate.partyName().isEmpty()) {
                g.writeStringField("PartyId", partyIdByName.get(candidate.partyName()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("Contest");
        writeContest();
        g.writeEndArray();

        if (!countedUnits.isEmpty()) {
            g.writeArrayFieldStart("BallotCounts");
            for (CountedUnit unit : countedUnits) {
                g.writeStartObject();
                type("BallotCounts");
                g.writeStringField("GpUnitId", unit.gpUnitId());
                g.writeStringField("Type", "total");
                g.writeNumberField("BallotsCast", unit.ballotsFound());
                g.writeNumberField("BallotsRejected", unit.ballotsInvalid());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void writeContest() throws IOException {
        g.writeStartObject();
        g.writeStringField("@id", NistIds.CONTEST);
        type("CandidateContest");
        g.writeStringField("Name", CONTEST_NAME);
        g.writeStringField("ElectionDistrictId", NistIds.NATION);
        g.writeNumberField("VotesAllowed", 1);
        g.writeNumberField("NumberElected", 1);
        g.writeStringField("VoteVariation", "n-of-m");
        g.writeNumberField("SequenceOrder", 1);
        g.writeArrayFieldStart("ContestSelection");
        for (int i = 0; i < data.candidates().size(); i++) {
            ExportCandidate candidate = data.candidates().get(i);
            g.writeStartObject();
            g.writeStringField("@id", NistIds.selection(candidate.candidateCode()));
            type("CandidateSelection");
            g.writeNumberField("SequenceOrder", candidate.ballotOrder());
            idArray("CandidateIds", List.of(NistIds.candidate(candidate.candidateCode())));
            g.writeArrayFieldStart("VoteCounts");
            for (CountedUnit unit : countedUnits) {
                g.writeStartObject();
                type("VoteCounts");
                g.writeStringField("GpUnitId", unit.gpUnitId());
                g.writeStringField("Type", "total");
                g.writeNumberField("Count", unit.votes()[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Nation first, then each district with counted stations followed by those stations. */
    private void collectCountedUnits() {
        int candidates = data.candidates().size();
        CountedUnit nation = new CountedUnit(NistIds.NATION, new long[candidates]);
        List<CountedUnit> below = new ArrayList<>();
        for (ExportDistrict district : data.districts()) {
            if (district.stations().isEmpty()) {
                continue;
            }
            CountedUnit districtUnit = new CountedUnit(NistIds.district(district.districtCode()), new long[candidates]);
            below.add(districtUnit);
            for (ExportStation station : district.stations()) {
                CountedUnit stationUnit = new CountedUnit(NistIds.station(station.stationCode()), new long[candidates]);
                stationUnit.add(station);
                districtUnit.add(station);
                nation.add(station);
                below.add(stationUnit);
            }
        }
        if (!below.isEmpty()) {
            countedUnits.add(nation);
            countedUnits.addAll(below);
        }
    }

    private void reportingUnitStart(String id, String reportingUnitType) throws IOException {
        g.writeStartObject();
        g.writeStringField("@id", id);
        type("ReportingUnit");
        g.writeStringField("Type", reportingUnitType);
    }

    /** The CEC's own code of a district, station or candidate. */
    private void codeIdentifier(String code) throws IOException {
        g.writeArrayFieldStart("ExternalIdentifier");
        externalIdentifier("cec-code", code);
        g.writeEndArray();
    }

    private void externalIdentifier(String otherType, String value) throws IOException {
        g.writeStartObject();
        type("ExternalIdentifier");
        g.writeStringField("Type", "other");
        g.writeStringField("OtherType", otherType);
        g.writeStringField("Value", value);
        g.writeEndObject();
    }

    private void text(String field, String content) throws IOException {
        g.writeObjectFieldStart(field);
        type("InternationalizedText");
        g.writeArrayFieldStart("Text");
        g.writeStartObject();
        type("LanguageString");
        g.writeStringField("Content", content);
        g.writeStringField("Language", language);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private void idArray(String field, List<String> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (String id : ids) {
            g.writeString(id);
        }
        g.writeEndArray();
    }

    private void type(String nistClass) throws IOException {
        g.writeStringField("@type", "ElectionResults." + nistClass);
    }

    /** Running totals of one GpUnit over the counted stations it contains. */
    private static final class CountedUnit {
        private final String gpUnitId;
        private final long[] votes;
        private long ballotsFound;
        private long ballotsInvalid;

        CountedUnit(String gpUnitId, long[] votes) {
            this.gpUnitId = gpUnitId;
            this.votes = votes;
        }

        void add(ExportStation station) {
            for (int i = 0; i < votes.length; i++) {
                votes[i] = Math.addExact(votes[i], station.votes()[i]);
            }
            ballotsFound = Math.addExact(ballotsFound, station.ballotsFound());
            ballotsInvalid = Math.addExact(ballotsInvalid, station.ballotsInvalid());
        }

        String gpUnitId() {
            return gpUnitId;
        }

        long[] votes() {
            return votes;
        }

        long ballotsFound() {
            return ballotsFound;
        }

        long ballotsInvalid() {
            return ballotsInvalid;
        }
    }
}
