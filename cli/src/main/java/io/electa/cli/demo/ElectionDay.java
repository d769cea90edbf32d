package io.electa.cli.demo;

import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.cli.command.Candidates;
import io.electa.cli.command.Districts;
import io.electa.cli.command.Ledger;
import io.electa.cli.command.Results;
import io.electa.cli.imports.RollImport;
import io.electa.common.v1.Date;
import io.electa.observer.v1.Statistics;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.StationRollDigest;
import io.electa.scenario.CountPlan;
import io.electa.scenario.Geography;
import io.electa.scenario.Targets;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Certification;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ResultsStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The reference election day, phase by phase, through the public RPCs only, as the commission,
 * the stations and the observers would play it. The calendar is compressed: the election day is
 * set a week ahead (applications for accreditation close five days before it) and the polls open
 * at once.
 */
public final class ElectionDay {
    private static final int PHASES = 12;
    private static final List<CandidateDefinition> CANDIDATES = List.of(
            candidate("C01", "Alexander Volkov", "Union of the Homeland", 1),
            candidate("C02", "Svetlana Orlova", "", 2),
            candidate("C03", "Andrei Belov", "Liberal Democratic Party", 3),
            candidate("C04", "Sergei Morozov", "Social Democratic Party", 4));

    private final Services services;
    private final Scale scale;
    private final long seed;
    private final Path folder;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Narration narration;
    private final String election;
    private final LocalDate day;

    public ElectionDay(Services services, Scale scale, long seed, Path home, PrintWriter out, PrintWriter err) {
        this.services = services;
        this.scale = scale;
        this.seed = seed;
        this.out = out;
        this.err = err;
        this.narration = new Narration(out, PHASES);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        this.election = "demo-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        this.day = now.toLocalDate().plusDays(7);
        this.folder = home.resolve("demo").resolve(election);
    }

    /** Plays the day; whether the published national figures are the scenario's. */
    public boolean play() {
        narration.say(String.format(Locale.ROOT, "electa demo: seed %d; %,d districts, %,d stations, %,d voters, %,d "
                + "observers; files in %s", seed, scale.districts(), scale.stations(), scale.voters(),
                scale.observers(), folder));
        DemoRoll roll = new DemoRoll(seed, scale, day);
        Geography geography = roll.geography();
        Observation observers = new Observation(services, election, scale, seed);
        narration.phase("Election, districts and candidates", () -> setUp(roll));
        narration.phase("Roll imported from CSV files (stations, then voters)", () -> importRoll(roll));
        narration.phase("Observers accredited (organisations' applications decided)",
                () -> observers.organisations() + " organisations; " + observers.accredit());
        narration.phase("Roll frozen, digests published", () -> freeze(roll));
        CountPlan plan = plan(roll, services.registry().getRollDigest(io.electa.registry.v1.GetRollDigestRequest
                .newBuilder().setElectionId(election).build()).getDigest());
        narration.phase("Observers deployed to stations", () -> observers.deploy(geography.stations(),
                geography::stationCode) + " stations will have an observer");
        narration.phase("Polls open: every station marks its voters", () -> {
            Services.retrying(() -> services.registry().openPolls(OpenPollsRequest.newBuilder()
                    .setElectionId(election).setRequestId(election + "-open").build()));
            long marked = new Marking(services, election, roll, plan).run(err);
            var turnout = services.registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election)
                    .build()).getTurnout();
            return String.format(Locale.ROOT, "%,d voters marked; the registry's turnout: %s %%", marked,
                    turnout.getTurnout().getPercent());
        });
        narration.phase("Observers report from their stations", () -> {
            int incidents = observers.report();
            Statistics s = observers.statistics();
            var largest = s.getByCitizenshipList().stream()
                    .max(Comparator.comparingLong(io.electa.observer.v1.CountryCount::getObservers)).orElseThrow();
            return s.getReports() + " reports, " + incidents + " with an incident; " + s.getObserversAccredited()
                    + " observers accredited (the largest delegation: " + largest.getObservers() + " from "
                    + largest.getCountry() + "), " + s.getStationsCovered() + " stations covered";
        });
        narration.phase("Polls closed", () -> {
            Services.retrying(() -> services.registry().closePolls(ClosePollsRequest.newBuilder()
                    .setElectionId(election).setRequestId(election + "-close").build()));
            return "the roll is closed for marking";
        });
        narration.phase("Protocols: every station reports; the results come in live", () -> count(geography, plan));
        io.electa.tally.v1.Results nation = Results.current(services, election, null);
        narration.phase("Results certified", () -> {
            if (nation.getStatus() != ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE) {
                throw new IllegalStateException("the count is not complete: " + Results.summary(nation));
            }
            Certification c = Results.certify(services, election, nation.getLedgerSequence());
            return "certified by " + c.getCertifiedBy() + " at ledger sequence " + nation.getLedgerSequence();
        });
        narration.phase("NIST SP 1500-100 export", () -> "written to " + Results.export(services, election,
                ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON, folder.resolve(election + "-results.json")));
        Ledger.Check ledger = Ledger.verify(services, election);
        narration.phase("Public ledger verified", ledger::message);
        return report(plan, ledger.intact());
    }

    private String setUp(DemoRoll roll) {
        Services.retrying(() -> services.registry().createElection(CreateElectionRequest.newBuilder()
                .setElectionId(election).setName("Early presidential election (demo, seed " + seed + ")")
                .setElectionDay(Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue())
                        .setDay(day.getDayOfMonth()))
                .setRequestId(election + "-create").build()));
        Geography geography = roll.geography();
        for (int d = 0; d < geography.districts(); d++) {
            Districts.create(services, election, geography.districtCode(d), roll.districtName(d));
        }
        List<Candidate> candidates = Candidates.define(services, election, CANDIDATES);
        return "election " + election + " (day " + day + "), " + geography.districts() + " districts, "
                + candidates.size() + " candidates";
    }

    private String importRoll(DemoRoll roll) {
        Path stationsFile = roll.writeStations(folder.resolve("stations.csv"));
        ImportReport stations = RollImport.stations(services, election, stationsFile, err);
        Path votersFile = roll.writeVoters(folder.resolve("voters.csv"));
        ImportReport voters = RollImport.voters(services, election, votersFile, err);
        Path rejected = folder.resolve("voters.rejected.csv");
        RollImport.writeRejections(voters, rejected);
        if (voters.getRejected() != DemoRoll.FAULTY_ROWS || stations.getRejected() != 0) {
            throw new IllegalStateException("the registry rejected " + voters.getRejected() + " voter rows and "
                    + stations.getRejected() + " station rows; the demo's files have " + DemoRoll.FAULTY_ROWS
                    + " faulty voter rows");
        }
        return String.format(Locale.ROOT, "%,d stations; %,d voter rows: %,d on the roll, %,d rejected (see %s)",
                stations.getAccepted(), voters.getReceived(), voters.getAccepted(), voters.getRejected(), rejected);
    }

    private String freeze(DemoRoll roll) {
        RollDigest digest = Services.retrying(() -> services.registry().freezeRoll(FreezeRollRequest.newBuilder()
                .setElectionId(election).setRequestId(election + "-freeze").build())).getDigest();
        return String.format(Locale.ROOT, "%,d voters in %,d station rolls; SHA-256 of the roll %s",
                digest.getTotalRegistered(), digest.getStationsCount(), digest.getSha256());
    }

    /** What each station will mark and count, on the frozen roll sizes the registry published. */
    private CountPlan plan(DemoRoll roll, RollDigest digest) {
        Geography geography = roll.geography();
        long[] sizes = new long[geography.stations()];
        for (StationRollDigest station : digest.getStationsList()) {
            int s = Integer.parseInt(station.getStationCode().substring(1)) - 1;
            sizes[s] = station.getRollSize();
            if (sizes[s] != roll.rollSize(s)) {
                throw new IllegalStateException("station " + station.getStationCode() + " has " + sizes[s]
                        + " voters in the frozen roll, the demo's file " + roll.rollSize(s));
            }
        }
        return CountPlan.of(seed, sizes, CANDIDATES.size(), Targets.REFERENCE);
    }

    private String count(Geography geography, CountPlan plan) {
        Counting counting = new Counting(services, election, geography, plan,
                CANDIDATES.stream().map(CandidateDefinition::getCandidateCode).toList(), seed);
        counting.refusals().forEach(line -> narration.say("        " + line));
        counting.quarantines().forEach(line -> narration.say("        " + line));
        long others = counting.everyOtherStation(err);
        counting.review().forEach(line -> narration.say("        " + line));
        return String.format(Locale.ROOT, "%,d protocols counted; %s", others, Results.summary(Results.current(services,
                election, null)));
    }

    /** The national table, the districts, the phases; whether the figures are the scenario's. */
    private boolean report(CountPlan plan, boolean ledgerIntact) {
        io.electa.tally.v1.Results nation = Results.current(services, election, null);
        Output.Listing districts = Results.byDistrict(services, election);
        out.println();
        out.println("Results by district:");
        out.println(Output.table(districts.columns(), districts.rows()));
        out.println();
        out.println("Phases:");
        out.println(narration.timings());
        out.println();
        out.println("National result of " + election + " (" + nation.getStatus().name().replace("RESULTS_STATUS_", "")
                + "):");
        Output.Listing candidates = Results.candidates(nation);
        out.println(Output.table(candidates.columns(), candidates.rows()));
        String turnout = nation.getTurnout().getPercent();
        CandidateResult first = nation.getCandidatesList().stream()
                .max(Comparator.comparingLong(CandidateResult::getVotes)).orElseThrow();
        String winner = first.getShare().getPercent();
        out.println("turnout " + turnout + " %, winner " + first.getFullName() + " " + winner + " %");
        boolean met = turnout.equals(Targets.REFERENCE.turnout()) && winner.equals(Targets.REFERENCE.winnerShare())
                && ledgerIntact;
        if (!met) {
            out.println("NOT the scenario's figures (turnout " + Targets.REFERENCE.turnout() + " %, winner "
                    + Targets.REFERENCE.winnerShare() + " %), or the ledger does not verify");
        }
        out.flush();
        return met;
    }

    private static CandidateDefinition candidate(String code, String name, String party, int order) {
        return CandidateDefinition.newBuilder().setCandidateCode(code).setFullName(name)
                .setNominationType(party.isEmpty() ? NominationType.NOMINATION_TYPE_SELF_NOMINATED
                        : NominationType.NOMINATION_TYPE_PARTY)
                .setPartyName(party).setBallotOrder(order).build();
    }
}
