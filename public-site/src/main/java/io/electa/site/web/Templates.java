package io.electa.site.web;

import io.electa.registry.v1.District;
import io.electa.registry.v1.Election;
import io.electa.site.figures.Fingerprint;
import io.electa.site.snapshot.ElectionSnapshot;
import io.electa.tally.v1.Results;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The pages (src/main/resources/templates), checked when the site is built. */
@CheckedTemplate
public final class Templates {
    private Templates() {
    }

    public static native TemplateInstance home(Page page, List<Election> elections);

    public static native TemplateInstance national(Page page, ElectionSnapshot s);

    public static native TemplateInstance districts(Page page, ElectionSnapshot s, List<Views.DistrictRow> rows,
            String q);

    public static native TemplateInstance district(Page page, ElectionSnapshot s, District district, Results results,
            List<Views.StationRow> stations);

    public static native TemplateInstance station(Page page, ElectionSnapshot s, Views.StationView view);

    public static native TemplateInstance fingerprint(Page page, ElectionSnapshot s, Fingerprint fp);

    public static native TemplateInstance flags(Page page, ElectionSnapshot s, List<Views.FlagView> flags);

    public static native TemplateInstance verify(Page page, ElectionSnapshot s);

    public static native TemplateInstance notFound(Page page);
}
