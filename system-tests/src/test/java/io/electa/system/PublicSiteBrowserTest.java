package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.cli.Electa;
import io.electa.client.tls.LocalCertificates;
import io.electa.local.LocalSuite;
import io.electa.local.ServiceProcess;
import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.ObserverServiceGrpc;
import io.electa.observer.v1.StationCount;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.ListElectionsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.ListProtocolsRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.testing.LocalService;
import io.electa.testing.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public results site in a real headless Chromium, against the real suite: the three packaged
 * services over mutual TLS on the local PostgreSQL, the packaged site calling them with its own
 * client certificate (no token), the tiny demo election played through the command line (its
 * observers file reports, some with an incident), and a small election of the command line's
 * samples with one protocol left in quarantine.
 */
class PublicSiteBrowserTest {
    private static final Path SAMPLES = Path.of("..", "cli", "samples");
    private static final String SAMPLE = "site-sample";
    private static final Pattern QUARANTINED = Pattern.compile("S0001: QUARANTINED ([0-9a-f-]{36})");

    private static Path home;
    private static LocalCertificates authority;
    private static LocalService registry;
    private static LocalService tally;
    private static LocalService observer;
    private static ServiceProcess site;
    private static ManagedChannel registryChannel;
    private static ManagedChannel tallyChannel;
    private static ManagedChannel observerChannel;
    private static ChromeDriver browser;
    private static String demo;
    private static String quarantinedProtocol;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("electa-site-test");
        authority = LocalCertificates.in(home.resolve("tls"));
        registry = LocalService.registry(Suite.HOST_PORT + "electa_registry_site", tls("registry"));
        tally = LocalService.tally(Suite.HOST_PORT + "electa_tally_site", registry.port(), tls("tally"));
        observer = LocalService.observer(Suite.HOST_PORT + "electa_observer_site", registry.port(), tally.port(),
                tls("observer"));
        site = launchSite("public-site", Map.of());
        registryChannel = channel(registry.port());
        tallyChannel = channel(tally.port());
        observerChannel = channel(observer.port());

        cli("demo", "--scale", "tiny", "--home", home.toString());
        demo = registry().listElections(ListElectionsRequest.getDefaultInstance()).getElectionsList().stream()
                .map(Election::getElectionId).filter(id -> id.startsWith("demo-")).findFirst().orElseThrow();
        quarantinedProtocol = sampleElectionWithOneProtocolInQuarantine();
        browser = Browser.start(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (ManagedChannel channel : new ManagedChannel[] {registryChannel, tallyChannel, observerChannel}) {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
        for (AutoCloseable process : new AutoCloseable[] {site, observer, tally, registry}) {
            try {
                if (process != null) {
                    process.close();
                }
            } catch (Exception e) {
                // Stopping is best effort; the processes' exit hooks stop the rest.
            }
        }
        if (home != null) {
            try (var files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (java.io.IOException e) {
                // A temporary folder; the system cleans it eventually.
            }
        }
    }

    @Test
    void theNationalPageShowsTheCertifiedFiguresOfTheDemoAsGetResultsPublishesThem() {
        Results results = results(demo);
        CandidateResult winner = results.getCandidatesList().stream()
                .max(Comparator.comparingLong(CandidateResult::getVotes)).orElseThrow();

        browser.get(site("/elections/" + demo + "?lang=en"));

        assertThat(text("#status")).isEqualTo("Certified");
        assertThat(text("#results-turnout")).isEqualTo(results.getTurnout().getPercent()).isEqualTo("76.73");
        assertThat(browser.findElement(By.cssSelector("tr[data-candidate='" + winner.getCandidateCode() + "'] .share"))
                .getText()).isEqualTo(winner.getShare().getPercent()).isEqualTo("92.12");
        assertThat(text("#stations-reported")).isEqualTo(Long.toString(results.getStationsReported()));
        assertThat(text("#stations-total")).isEqualTo(Long.toString(results.getStationsTotal()));
        assertThat(text("#ledger-sequence")).isEqualTo(Long.toString(results.getLedgerSequence()));
    }

    @Test
    void theNationalFiguresAreOnThePageWithJavaScriptOffInTheCommissionsLanguage() {
        ChromeDriver noScript = Browser.start(false);
        try {
            noScript.get(site("/elections/" + demo + "?lang=az"));
            assertThat(noScript.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("az");
            assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Ölkə üzrə nəticələr");
            assertThat(noScript.findElement(By.id("results-turnout")).getText()).isEqualTo("76.73");
            assertThat(noScript.findElement(By.id("status")).getText()).isEqualTo("Təsdiq edilib");
        } finally {
            noScript.quit();
        }
    }

    @Test
    void theNationalPageUpdatesWithoutReloadingWhenAProtocolIsAcceptedWhileItIsOpen() {
        Results before = results(SAMPLE);
        browser.get(site("/elections/" + SAMPLE + "?lang=en"));
        assertThat(text("#stations-reported")).isEqualTo(Long.toString(before.getStationsReported()));
        ((JavascriptExecutor) browser).executeScript("window.electaNotReloaded = true;");

        cli("protocols", "review", "-e", SAMPLE, "accept", quarantinedProtocol, "--text",
                "the extra ballot was issued to a voter marked on paper during an outage");

        Results after = resultsAtHead(SAMPLE);
        assertThat(after.getStationsReported()).isEqualTo(before.getStationsReported() + 1);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> text("#ledger-sequence")
                .equals(Long.toString(after.getLedgerSequence())));
        assertThat(text("#stations-reported")).isEqualTo(Long.toString(after.getStationsReported()));
        assertThat(text("#results-turnout")).isEqualTo(after.getTurnout().getPercent());
        for (CandidateResult c : after.getCandidatesList()) {
            assertThat(browser.findElement(By.cssSelector("tr[data-candidate='" + c.getCandidateCode() + "'] .share"))
                    .getText()).as(c.getCandidateCode()).isEqualTo(c.getShare().getPercent());
        }
        assertThat(((JavascriptExecutor) browser).executeScript("return window.electaNotReloaded === true;"))
                .as("the page was updated in place, not reloaded").isEqualTo(true);
    }

    @Test
    void theRegistrysTurnoutUpdatesWithoutReloadingWhileThePollsAreOpen() {
        String election = "site-polling";
        cli("elections", "create", election, "--name", "Polling election", "--day", "2027-03-14");
        for (String[] step : new String[][] {{"districts", "import"}, {"stations", "import"}, {"voters", "import"},
                {"candidates", "define"}}) {
            cli(step[0], step[1], "-e", election, SAMPLES.resolve(step[0] + ".csv").toString());
        }
        cli("roll", "freeze", "-e", election);
        cli("polls", "open", "-e", election);
        browser.get(site("/elections/" + election + "?lang=en"));
        assertThat(text("#turnout")).isEqualTo("0.00");
        ((JavascriptExecutor) browser).executeScript("window.electaNotReloaded = true;");

        cli("mark", "-e", election, "1000000016", "--station", "S0001");

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> text("#turnout").equals("5.00"));
        assertThat(browser.findElement(By.cssSelector("[data-field='voted']")).getText()).isEqualTo("1");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.electaNotReloaded === true;"))
                .as("the page was updated in place, not reloaded").isEqualTo(true);
    }

    @Test
    void aStationPageShowsACorrectedProtocolsHistory() {
        Protocol correction = protocols(demo).stream().filter(p -> !p.getCorrectionReason().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo corrects some quarantined protocols"));

        browser.get(site("/elections/" + demo + "/stations/" + correction.getStationCode() + "?lang=en"));

        WebElement current = browser.findElement(By.id("current-protocol"));
        assertThat(current.findElement(By.cssSelector(".status")).getText()).isEqualTo("Accepted");
        assertThat(current.findElement(By.cssSelector(".reason")).getText()).isEqualTo(correction.getCorrectionReason());
        List<WebElement> earlier = browser.findElements(By.cssSelector("#earlier-versions > li"));
        assertThat(earlier).isNotEmpty();
        assertThat(earlier.get(0).findElement(By.cssSelector(".status")).getAttribute("data-status"))
                .isEqualTo(ProtocolStatus.PROTOCOL_STATUS_SUPERSEDED.name());
        assertThat(text("#roll-size")).isNotBlank().doesNotContain("not published");
        assertThat(text("#roll-digest")).matches("[0-9a-f]{64}");
    }

    @Test
    void aStationPageShowsTheReportsAndIncidentsItsObserversFiled() {
        StationCount observed = observerStatistics(demo).getByStationList().stream()
                .filter(station -> station.getIncidents() > 0).findFirst()
                .orElseThrow(() -> new AssertionError("the demo's observers report some incidents"));

        browser.get(site("/elections/" + demo + "/stations/" + observed.getStationCode() + "?lang=en"));

        assertThat(text("#observer-incidents")).isEqualTo(Long.toString(observed.getIncidents()));
        assertThat(text("#observer-reports")).isEqualTo(Long.toString(observed.getReports()));
    }

    @Test
    void aStationPageShowsTheObserversFiguresAsUnavailableWhileTheObserverServiceIsDown() throws Exception {
        String station = protocols(demo).get(0).getStationCode();
        ServiceProcess withoutObserver = launchSite("public-site-no-observer",
                Map.of("ELECTA_OBSERVER_PORT", Integer.toString(ServiceProcess.freePort())));
        String page = "http://localhost:" + withoutObserver.port() + "/elections/" + demo + "/stations/" + station
                + "?lang=en";
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page))
                    .build(), HttpResponse.BodyHandlers.ofString());
            browser.get(page);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(text("#observer-incidents")).isEqualTo("unavailable at the moment");
            assertThat(text("#observer-reports")).isEqualTo("unavailable at the moment");
            assertThat(browser.findElements(By.id("current-protocol"))).as("the rest of the page").hasSize(1);
        } finally {
            withoutObserver.close();
        }
    }

    @Test
    void theFingerprintHasOnePointPerCountedStation() {
        Results results = results(demo);

        browser.get(site("/elections/" + demo + "/fingerprint?lang=en"));

        List<WebElement> points = browser.findElements(By.cssSelector("svg#fingerprint circle.station"));
        assertThat(points).hasSize((int) results.getStationsReported());
        assertThat(points.stream().map(p -> p.getAttribute("data-station")).distinct()).hasSize(points.size());
        assertThat(browser.findElement(By.id("fingerprint")).getSize().getWidth()).isGreaterThan(200);
    }

    @Test
    void theDistrictTableSortsByAColumnAndIsSearchedOnTheServer() {
        browser.get(site("/elections/" + demo + "/districts?lang=en"));
        List<String> codes = column(0);
        assertThat(codes).hasSize(registry().listDistricts(io.electa.registry.v1.ListDistrictsRequest.newBuilder()
                .setElectionId(demo).build()).getDistrictsCount()).isSorted();

        browser.findElement(By.cssSelector("#districts thead th:nth-child(4) button")).click();
        List<Double> turnouts = column(3).stream().map(Double::parseDouble).toList();
        assertThat(turnouts).as("sorted by turnout").isSorted();
        assertThat(browser.findElement(By.cssSelector("#districts thead th:nth-child(4)")).getAttribute("aria-sort"))
                .isEqualTo("ascending");

        browser.get(site("/elections/" + demo + "/districts?lang=en&q=" + codes.get(1)));
        assertThat(column(0)).containsExactly(codes.get(1));
    }

    @Test
    void aFlaggedStationShowsTheRuleThatRaisedTheFlag() {
        browser.get(site("/elections/" + SAMPLE + "/stations/S0003?lang=en"));

        WebElement flag = browser.findElement(By.cssSelector(
                "#station-flags li[data-rule='rule_ONE_CANDIDATE_AT_HIGH_TURNOUT']"));
        assertThat(flag.findElement(By.cssSelector(".rule")).getText())
                .isEqualTo("More than 85 % of the valid ballots for one candidate at a turnout of 95 % or more");
        assertThat(flag.findElement(By.cssSelector(".observed")).getText())
                .isEqualTo("turnout 100.00 %, one candidate 100.00 %");
    }

    @Test
    void aDistrictPageShowsTheDistrictsResultsAsGetResultsPublishesThem() {
        Results district = results(demo, firstDistrict());

        browser.get(site("/elections/" + demo + "/districts/" + district.getDistrictCode() + "?lang=en"));

        for (CandidateResult c : district.getCandidatesList()) {
            assertThat(browser.findElement(By.cssSelector("tr[data-candidate='" + c.getCandidateCode() + "'] .share"))
                    .getText()).as(c.getCandidateCode()).isEqualTo(c.getShare().getPercent());
        }
        assertThat(browser.findElements(By.cssSelector("table.stations tbody tr")))
                .hasSize((int) district.getStationsTotal());
    }

    @Test
    void theVerifyPageShowsTheSignedLedgerHeadAndServesTheExports() throws Exception {
        LedgerHead head = tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(demo).build())
                .getHead();

        browser.get(site("/elections/" + demo + "/verify?lang=en"));

        assertThat(text("#head-sequence")).isEqualTo(Long.toString(head.getSequence()));
        assertThat(text("#head-hash")).isEqualTo(head.getEntryHash());
        assertThat(browser.getPageSource()).contains(head.getSignedStatement().getKeyId(),
                "ledger verify -e " + demo);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(site("/elections/" + demo + "/results.csv"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains(demo);
        assertThat(csv.body().lines().count()).isGreaterThan(1);
    }

    @Test
    void theFlagsPageListsAFlaggedStationWithItsRule() {
        browser.get(site("/elections/" + SAMPLE + "/flags?lang=en"));

        assertThat(browser.findElements(By.cssSelector("#flags tbody tr[data-rule='rule_ONE_CANDIDATE_AT_HIGH_TURNOUT']")))
                .extracting(row -> row.findElement(By.tagName("a")).getText()).containsExactly("S0003");
    }

    @Test
    void aLanguageChosenOnceIsRemembered() {
        browser.get(site("/elections/" + demo + "?lang=az"));
        browser.get(site("/elections/" + demo + "/districts"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dairələr");
        browser.findElement(By.id("switch-language")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Districts");
        browser.get(site("/elections/" + demo));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("National results");
    }

    @Test
    void anUnknownElectionOrStationIsNotFound() throws Exception {
        for (String path : List.of("/elections/no-such-election", "/elections/Not_An_Id", "/elections/" + demo
                + "/stations/NO-SUCH-STATION", "/elections/no-such-election/results.csv")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site(path
                    + "?lang=en"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aSiteSetToOneElectionSendsItsFrontPageThere() {
        ServiceProcess one = launchSite("public-site-one", Map.of("ELECTA_SITE_ELECTION", demo));
        try {
            browser.get("http://localhost:" + one.port() + "/?lang=en");
            assertThat(browser.getCurrentUrl()).endsWith("/elections/" + demo);
            assertThat(text("#results-turnout")).isEqualTo("76.73");
        } finally {
            one.close();
        }
    }

    /**
     * The samples' election (README, The command line): four stations; S0001 reports one ballot more
     * than its clerks marked (quarantined with XC2), S0003 gives every vote to one candidate at 100 %
     * turnout. Returns the quarantined protocol's id.
     */
    private static String sampleElectionWithOneProtocolInQuarantine() throws Exception {
        cli("elections", "create", SAMPLE, "--name", "Sample election", "--day", "2027-03-14");
        for (String[] step : new String[][] {{"districts", "import"}, {"stations", "import"}, {"voters", "import"},
                {"candidates", "define"}}) {
            cli(step[0], step[1], "-e", SAMPLE, SAMPLES.resolve(step[0] + ".csv").toString());
        }
        cli("roll", "freeze", "-e", SAMPLE);
        cli("polls", "open", "-e", SAMPLE);
        cli("pollbook", "sync", "-e", SAMPLE, SAMPLES.resolve("marks.csv").toString());
        cli("polls", "close", "-e", SAMPLE);
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("protocols.csv")).subList(0, 1));
        lines.add("S0001,5,10,0,5,0,5,5,0,1,4,3,1,0");
        lines.add("S0002,5,10,0,3,0,7,3,0,0,3,2,0,1");
        lines.add("S0003,5,10,0,5,0,5,5,0,0,5,5,0,0");
        lines.add("S0004,5,10,0,2,0,8,2,0,0,2,1,1,0");
        Path protocols = home.resolve("site-protocols.csv");
        Files.write(protocols, lines);
        Matcher quarantined = QUARANTINED.matcher(cli("protocols", "submit", "-e", SAMPLE, protocols.toString()));
        assertThat(quarantined.find()).as("S0001 is quarantined").isTrue();
        return quarantined.group(1);
    }

    /** Runs `electa ARGS` against the suite (mutual TLS, tokens signed with the tests' key); its output. */
    private static String cli(String... args) {
        List<String> line = new ArrayList<>(List.of("--registry", "localhost:" + registry.port(), "--tally",
                "localhost:" + tally.port(), "--observer", "localhost:" + observer.port(), "--signing-keys",
                TestTokens.FOLDER.toString(), "--tls", authority.identity(LocalSuite.BACK_OFFICE).toString()));
        line.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Electa.execute(line.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("electa " + String.join(" ", args) + "\n" + out + err).isZero();
        return out.toString();
    }

    /**
     * The packaged site on a free port, calling the suite with its own certificate and no token;
     * {@code settings} add to or replace its variables. Its log is logs/{@code log}.log.
     */
    private static ServiceProcess launchSite(String log, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of("ELECTA_REGISTRY_PORT", Integer.toString(registry.port()),
                "ELECTA_TALLY_PORT", Integer.toString(tally.port()),
                "ELECTA_OBSERVER_PORT", Integer.toString(observer.port()),
                "ELECTA_CLIENT_TLS", authority.identity(LocalSuite.PUBLIC_SITE).toString()));
        env.putAll(settings);
        return ServiceProcess.launch(LocalSuite.PUBLIC_SITE, ServiceProcess.jarOf(LocalSuite.PUBLIC_SITE),
                List.of("-Xmx128m"), env, ServiceProcess.freePort(), home.resolve("logs/" + log + ".log"));
    }

    private static Map<String, String> tls(String identity) {
        return Map.of("ELECTA_TLS_DIR", authority.identity(identity).toString());
    }

    /** A channel with the back-office certificate and no token: what anyone may read. */
    private static ManagedChannel channel(int port) throws Exception {
        Path dir = authority.identity(LocalSuite.BACK_OFFICE);
        return NettyChannelBuilder.forAddress("localhost", port)
                .sslContext(GrpcSslContexts.forClient().trustManager(dir.resolve(LocalCertificates.CA).toFile())
                        .keyManager(dir.resolve(LocalCertificates.CERT).toFile(),
                                dir.resolve(LocalCertificates.KEY).toFile()).build())
                .build();
    }

    private static RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static TallyServiceGrpc.TallyServiceBlockingStub tally() {
        return TallyServiceGrpc.newBlockingStub(tallyChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static io.electa.observer.v1.Statistics observerStatistics(String election) {
        return ObserverServiceGrpc.newBlockingStub(observerChannel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .getStatistics(GetStatisticsRequest.newBuilder().setElectionId(election).build()).getStatistics();
    }

    private static Results results(String election) {
        return tally().getResults(GetResultsRequest.newBuilder().setElectionId(election).build()).getResults();
    }

    /** GetResults once its figures reflect the ledger head (they may lag it by a refresh interval). */
    private static Results resultsAtHead(String election) {
        long head = tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(election).build())
                .getHead().getSequence();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Results results = results(election);
        while (results.getLedgerSequence() < head && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            results = results(election);
        }
        return results;
    }

    private static Results results(String election, String district) {
        return tally().getResults(GetResultsRequest.newBuilder().setElectionId(election).setDistrictCode(district)
                .build()).getResults();
    }

    private static String firstDistrict() {
        return registry().listDistricts(io.electa.registry.v1.ListDistrictsRequest.newBuilder().setElectionId(demo)
                .build()).getDistricts(0).getDistrictCode();
    }

    private static List<Protocol> protocols(String election) {
        return tally().listProtocols(ListProtocolsRequest.newBuilder().setElectionId(election).setPageSize(1000)
                .build()).getProtocolsList();
    }

    private static String site(String path) {
        return "http://localhost:" + site.port() + path;
    }

    /** The texts of one column of the district table, top to bottom. */
    private static List<String> column(int index) {
        return browser.findElements(By.cssSelector("#districts tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }
}
