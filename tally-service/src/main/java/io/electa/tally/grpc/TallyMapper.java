package io.electa.tally.grpc;

import io.electa.tally.domain.Relation;
import io.electa.tally.v1.ControlRelation;
import io.electa.tally.v1.RelationKind;

/** Domain values to tally messages. */
final class TallyMapper {
    private TallyMapper() {
    }

    static ControlRelation relation(Relation r) {
        return ControlRelation.newBuilder()
                .setRelationId(r.id())
                .setKind(r.kind() == Relation.Kind.ARITHMETIC ? RelationKind.RELATION_KIND_ARITHMETIC
                        : RelationKind.RELATION_KIND_REGISTRY_CROSS_CHECK)
                .setFormula(r.formula())
                .setText(r.text())
                .build();
    }
}
