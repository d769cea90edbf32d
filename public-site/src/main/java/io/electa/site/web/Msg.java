package io.electa.site.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the site, in English here and in the commission's language in
 * {@code messages/msg_az.properties}; the pages use them as {@code msg:key}.
 */
@MessageBundle(locale = "en")
public interface Msg {
    @Message("Election results")
    String title();

    @Message("Skip to the figures")
    String skip();

    @Message("Elections")
    String elections();

    @Message("No election has been published yet.")
    String no_elections();

    @Message("National results")
    String nav_national();

    @Message("Districts")
    String nav_districts();

    @Message("Fingerprint")
    String nav_fingerprint();

    @Message("Flags")
    String nav_flags();

    @Message("Verify it yourself")
    String nav_verify();

    @Message("Language")
    String language();

    @Message("Election day")
    String election_day();

    @Message("Status")
    String status();

    @Message("Unofficial, partial")
    String status_UNOFFICIAL_PARTIAL();

    @Message("Unofficial, complete")
    String status_UNOFFICIAL_COMPLETE();

    @Message("Certified")
    String status_CERTIFIED();

    @Message("Turnout (registry, live)")
    String turnout_live();

    @Message("{voted} of {registered} registered voters received a ballot")
    String turnout_detail(String voted, String registered);

    @Message("Results")
    String results();

    @Message("Turnout (counted protocols)")
    String turnout_counted();

    @Message("Ballots issued")
    String ballots_issued();

    @Message("Stations reported")
    String stations_reported();

    @Message("of")
    String of();

    @Message("Last update")
    String last_update();

    @Message("Ledger sequence")
    String ledger_sequence();

    @Message("Candidate")
    String candidate();

    @Message("Party")
    String party();

    @Message("Votes")
    String votes();

    @Message("Share of valid ballots (%)")
    String share();

    @Message("The figures on this page update by themselves while it is open.")
    String live_note();

    @Message("District")
    String district();

    @Message("Name")
    String name();

    @Message("Search districts")
    String search_districts();

    @Message("Search")
    String search();

    @Message("Sort")
    String sort();

    @Message("Station")
    String station();

    @Message("Stations")
    String stations();

    @Message("Address")
    String address();

    @Message("Turnout (%)")
    String turnout_percent();

    @Message("Roll size")
    String roll_size();

    @Message("Roll digest (SHA-256)")
    String roll_digest();

    @Message("not published yet")
    String not_published();

    @Message("Protocol")
    String protocol();

    @Message("No protocol has been submitted.")
    String no_protocol();

    @Message("Voters registered")
    String fig_registered();

    @Message("Ballots issued (early + on the day + mobile)")
    String fig_issued();

    @Message("Valid / invalid ballots")
    String fig_valid_invalid();

    @Message("Earlier versions")
    String earlier_versions();

    @Message("Version")
    String version();

    @Message("Submitted")
    String submitted();

    @Message("Correction reason")
    String correction_reason();

    @Message("Accepted")
    String protocol_ACCEPTED();

    @Message("Quarantined")
    String protocol_QUARANTINED();

    @Message("Rejected")
    String protocol_REJECTED();

    @Message("Superseded")
    String protocol_SUPERSEDED();

    @Message("Excluded from the count")
    String excluded();

    @Message("Turnout (registry)")
    String turnout_registry();

    @Message("Statistical flags")
    String flags();

    @Message("No flag.")
    String no_flags();

    @Message("Rule")
    String rule();

    @Message("Observed")
    String observed();

    @Message("Flags are indicators for observers, raised by the rules named with them; they are not verdicts.")
    String flags_note();

    @Message("Turnout more than {p1} percentage points from the median of its district's counted stations (districts with at least {p2} of them)")
    String rule_TURNOUT_OUTLIER(String p1, String p2);

    @Message("Winner's share more than {p1} percentage points from the median of its district's counted stations (districts with at least {p2} of them)")
    String rule_WINNER_SHARE_OUTLIER(String p1, String p2);

    @Message("More than {p2} % of the valid ballots for one candidate at a turnout of {p1} % or more")
    String rule_ONE_CANDIDATE_AT_HIGH_TURNOUT(String p1, String p2);

    @Message("The last digits of the district's vote counts of 10 or more (at least {p2} of them) fail a chi-square test of uniformity (chi-square above {p1}, p < 0.01)")
    String rule_LAST_DIGITS(String p1, String p2);

    @Message("Observers")
    String observation();

    @Message("Reports filed by accredited observers")
    String observer_reports();

    @Message("Incidents they reported")
    String observer_incidents();

    @Message("unavailable at the moment")
    String observer_unavailable();

    @Message("Incidents are what observers reported, as they reported them; they are not findings of the commission.")
    String observation_note();

    @Message("The election's fingerprint")
    String fingerprint_title();

    @Message("Each point is one counted station: its turnout (across) and the winner's share of its valid ballots (up). Shaded squares count the stations in each cell of {cell} by {cell} percentage points; the darkest holds {peak}. In a clean election the points form one roughly round cloud; long tails towards 100 % turnout and 100 % share, or peaks at round numbers, are what Klimek et al. (PNAS, 2012) describe as signs of ballot stuffing.")
    String fingerprint_desc(int cell, int peak);

    @Message("Turnout (%)")
    String axis_turnout();

    @Message("Winner's share (%)")
    String axis_share();

    @Message("{n} counted stations")
    String counted_stations(String n);

    @Message("The ledger's head")
    String ledger_head();

    @Message("Hash")
    String hash();

    @Message("Signed by key")
    String signed_by();

    @Message("Signature (Ed25519, base64)")
    String signature();

    @Message("Appended")
    String appended();

    @Message("Downloads")
    String downloads();

    @Message("Results as CSV")
    String download_csv();

    @Message("Results in the NIST SP 1500-100 v2 format (JSON)")
    String download_nist();

    @Message("Re-derive the figures yourself: every protocol is an entry of a hash-chained, signed ledger. With the command line of this project (--tls DIR: a client certificate, where the tally asks for one):")
    String verify_intro();

    @Message("It replays the ledger, checks every hash and the signed head with the published keys, and recomputes turnout and shares to two decimals.")
    String verify_outro();

    @Message("Not found.")
    String not_found();
}
