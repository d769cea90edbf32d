package io.electa.observer.domain;

import java.util.List;

/** A stored report with its answers and incidents, in the order filed. */
public record FiledReport(Report report, List<ReportAnswer> answers, List<Incident> incidents) {
}
