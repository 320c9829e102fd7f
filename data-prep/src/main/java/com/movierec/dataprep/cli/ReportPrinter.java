package com.movierec.dataprep.cli;

import com.movierec.dataprep.DataPrep;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.PrepReport;
import com.movierec.dataprep.report.RuleCheck;
import java.io.PrintWriter;
import java.util.Map;

/** The human-readable summary of a run: what was written, what was dropped and why, and Personalize's verdict. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(DataPrep.Outcome outcome, double seconds, PrintWriter out) {
        PrepReport r = outcome.report();
        out.printf("%s %s (%s format, %s domain) %s %s in %.1f s%n",
                outcome.published() ? "Prepared" : "Checked", r.input(), r.format(), r.domain(),
                outcome.published() ? "into" : "for", outcome.outputDirectory(), seconds);
        for (DatasetReport d : r.datasets().values()) {
            out.printf("  %-17s %,11d rows written of %,d read from %s%s%n", d.file(), d.rowsWritten(), d.rowsRead(),
                    d.source(), dropped(d));
            for (Map.Entry<String, DatasetReport.RejectionSummary> e : d.rejections().entrySet()) {
                DatasetReport.RejectionSummary s = e.getValue();
                out.printf("      %,d rejected: %s (first at line %s; e.g. %s)%n", s.count(), s.description(),
                        joinLines(s), s.example());
            }
            if (d.byteOrderMark() || d.crlfLines() > 0) {
                out.printf("      read as %s%s%s%n", d.encoding(), d.byteOrderMark() ? ", byte order mark skipped" : "",
                        d.crlfLines() > 0 ? ", CRLF line ends read as LF" : "");
            }
        }
        PrepReport.Counts c = r.counts();
        out.printf("  %,d users, %,d movies, %,d interactions", c.users(), c.items(), c.interactions());
        if (r.timeSpan() != null) {
            out.printf(" from %s to %s (%,d days)", r.timeSpan().first().substring(0, 10), r.timeSpan().last().substring(0, 10),
                    r.timeSpan().days());
        }
        out.println();
        for (String note : r.notes()) {
            out.println("  note: " + note);
        }
        if (r.passed()) {
            out.println("  Personalize rules: all " + r.personalizeRules().size() + " passed; report in "
                    + outcome.outputDirectory().resolve(DataPrep.REPORT_FILE));
        } else {
            for (RuleCheck check : r.personalizeRules()) {
                if (!check.passed()) {
                    out.println("  FAILED " + check.rule() + ": " + check.detail());
                }
            }
            out.println("  Nothing was written to " + outcome.outputDirectory() + "; earlier outputs there are untouched.");
        }
    }

    private static String dropped(DatasetReport d) {
        StringBuilder sb = new StringBuilder();
        if (d.duplicatesDropped() > 0) {
            sb.append(String.format(", %,d duplicates dropped", d.duplicatesDropped()));
        }
        if (d.filteredOut() > 0) {
            sb.append(String.format(", %,d below --min-rating", d.filteredOut()));
        }
        if (d.rejected() > 0) {
            sb.append(String.format(", %,d rejected", d.rejected()));
        }
        return sb.toString();
    }

    private static String joinLines(DatasetReport.RejectionSummary s) {
        return String.join(", ", s.firstLines().stream().map(String::valueOf).toList());
    }
}
