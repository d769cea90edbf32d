package io.electa.cli.demo;

import io.electa.cli.imports.RollImport;
import io.electa.scenario.Geography;
import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The demo's roll as a commission would receive it: a stations file and a voters file in the
 * formats `electa stations import` and `electa voters import` read, with a few faulty rows at
 * the end that the registry must reject. It also knows, without reading the files again, which
 * voters belong to which station, so that each station can mark its own voters.
 */
final class DemoRoll {
    /** The faulty rows appended to the voters file: a duplicate, a bad check digit, a minor. */
    static final int FAULTY_ROWS = 3;
    private static final String[] STREETS = {"Pushkin Street", "Independence Avenue", "Victory Square", "School Lane",
        "Garden Street", "River Road", "Station Street", "Market Square", "Park Avenue", "Church Street"};
    private static final String[] REGIONS = {"Northern", "Southern", "Eastern", "Western", "Central", "Lakeside",
        "Upland", "Riverside", "Forest", "Steppe"};

    private final long seed;
    private final LocalDate electionDay;
    private final Geography geography;
    private final VoterGenerator voters;
    /** Voter numbers grouped by station: station s has voters[offsets[s] .. offsets[s + 1]). */
    private final int[] offsets;
    private final int[] byStation;

    DemoRoll(long seed, Scale scale, LocalDate electionDay) {
        this.seed = seed;
        this.electionDay = electionDay;
        this.geography = new Geography(scale.districts(), scale.stations());
        this.voters = new VoterGenerator(seed, scale.voters(), geography, electionDay);
        this.offsets = new int[scale.stations() + 1];
        for (long i = 0; i < scale.voters(); i++) {
            offsets[voters.stationNumber(i) + 1]++;
        }
        for (int s = 0; s < scale.stations(); s++) {
            offsets[s + 1] += offsets[s];
        }
        this.byStation = new int[Math.toIntExact(scale.voters())];
        int[] next = offsets.clone();
        for (int i = 0; i < scale.voters(); i++) {
            byStation[next[voters.stationNumber(i)]++] = i;
        }
    }

    Geography geography() {
        return geography;
    }

    /** The district's name, e.g. "Northern 3". */
    String districtName(int district) {
        return REGIONS[district % REGIONS.length] + " " + (district / REGIONS.length + 1);
    }

    /** Voters on the roll of station {@code s}. */
    int rollSize(int station) {
        return offsets[station + 1] - offsets[station];
    }

    /** The national ID of the {@code k}-th voter of station {@code s}. */
    String nationalId(int station, int k) {
        return voters.nationalId(byStation[offsets[station] + k]);
    }

    Path writeStations(Path file) {
        return write(file, printer -> {
            printer.printRecord(RollImport.STATION_COLUMNS);
            for (int s = 0; s < geography.stations(); s++) {
                printer.printRecord(geography.stationCode(s), geography.districtCode(geography.districtOf(s)),
                        "Polling station " + (s + 1), "School No. " + (s % 97 + 1) + ", " + STREETS[s % STREETS.length]
                                + " " + (s % 211 + 1) + ", " + districtName(geography.districtOf(s)));
            }
        });
    }

    /** The voters file: every voter, then {@link #FAULTY_ROWS} rows the registry must reject. */
    Path writeVoters(Path file) {
        return write(file, printer -> {
            printer.printRecord(RollImport.VOTER_COLUMNS);
            for (long i = 0; i < voters.count(); i++) {
                SyntheticVoter v = voters.voter(i);
                printer.printRecord(v.nationalId(), v.familyName(), v.givenName(), v.dateOfBirth(), v.stationCode());
            }
            SyntheticVoter first = voters.voter(0);
            printer.printRecord(first.nationalId(), "Duplicate", "Entry", first.dateOfBirth(), first.stationCode());
            String badDigit = first.nationalId().substring(0, 9) + ((first.nationalId().charAt(9) - '0' + 1) % 10);
            printer.printRecord(badDigit, "Mistyped", "Number", first.dateOfBirth(), first.stationCode());
            printer.printRecord(unusedNationalId(), "Young", "Minor", electionDay.minusYears(17), first.stationCode());
        });
    }

    /** A valid national ID no voter has: the one the generator would give the next voter. */
    private String unusedNationalId() {
        return new VoterGenerator(seed, voters.count() + 1, geography, electionDay).voter(voters.count()).nationalId();
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static Path write(Path file, Rows rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file); CSVPrinter printer = new CSVPrinter(writer,
                    CSVFormat.RFC4180)) {
                rows.print(printer);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
