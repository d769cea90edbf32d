package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One answered checklist question of a report. */
@Entity
@Table(name = "report_answer")
@IdClass(ReportAnswer.Key.class)
public class ReportAnswer {
    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    public int position;

    @Column(name = "question_id")
    public String questionId;

    /** The Answer enum name of the contract. */
    public String answer;

    public String comment;

    public static ReportAnswer of(UUID reportId, int position, ReportFiling.AnswerEntry entry) {
        ReportAnswer a = new ReportAnswer();
        a.reportId = reportId;
        a.position = position;
        a.questionId = entry.questionId();
        a.answer = entry.answer();
        a.comment = entry.comment();
        return a;
    }

    /** Primary key. */
    public record Key(UUID reportId, int position) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
