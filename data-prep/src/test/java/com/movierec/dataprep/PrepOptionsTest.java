package com.movierec.dataprep;

import static com.movierec.dataprep.PrepRuns.INTERACTIONS;
import static com.movierec.dataprep.PrepRuns.ITEMS;
import static com.movierec.dataprep.PrepRuns.expectedInteractions;
import static com.movierec.dataprep.PrepRuns.header;
import static com.movierec.dataprep.PrepRuns.lines;
import static com.movierec.dataprep.PrepRuns.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.movierec.dataprep.MovieLensFixtures.Fixture;
import com.movierec.dataprep.MovieLensFixtures.Rating;
import com.movierec.dataprep.report.DatasetReport;
import com.movierec.dataprep.report.Rejection;
import com.movierec.schemas.DatasetType;
import com.movierec.schemas.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --min-rating, --event-type and --domain, and the validation of options before anything is read. */
class PrepOptionsTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    // ---- --min-rating --------------------------------------------------------------------------------------------

    @Test
    void minRatingKeepsOnlyPositiveFeedbackAndCountsTheRestAsFilteredOut() {
        Fixture fx = MovieLensFixtures.ml1m().users(60).ratingsPerUser(50).movies(50).build();
        List<Rating> kept = fx.ratings().stream().filter(r -> Integer.parseInt(r.rating()) >= 4).toList();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withMinRating(4.0));

        assertThat(outcome.published()).isTrue();
        assertThat(read(out().resolve(INTERACTIONS))).isEqualTo(expectedInteractions(kept, "Watch"));
        DatasetReport d = outcome.report().datasets().get("interactions");
        assertThat(d.rowsRead()).isEqualTo(3000);
        assertThat(kept).hasSize(1200);
        assertThat(d.rowsWritten()).isEqualTo(kept.size());
        assertThat(d.filteredOut()).isEqualTo(3000 - kept.size());
        assertThat(outcome.report().minRating()).isEqualTo(4.0);
        assertThat(outcome.report().counts().interactions()).isEqualTo(kept.size());
        PrepRuns.assertCountsReconcile(outcome.report());
    }

    @Test
    void minRatingWorksOnHalfStars() {
        Fixture fx = MovieLensFixtures.mlLatest().users(60).ratingsPerUser(50).movies(50).build();
        List<Rating> kept = fx.ratings().stream().filter(r -> Double.parseDouble(r.rating()) >= 3.5).toList();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withMinRating(3.5));

        assertThat(read(out().resolve(INTERACTIONS))).isEqualTo(expectedInteractions(kept, "Watch"));
        assertThat(outcome.report().datasets().get("interactions").filteredOut()).isEqualTo(3000 - kept.size());
    }

    @Test
    void minRatingThatLeavesTooLittleDataFailsTheRuleAndSuggestsALowerOne() {
        Fixture fx = MovieLensFixtures.ml1m().build();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withMinRating(5.0));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.report().failures()).first().asString()
                .contains("only " + fx.ratings().stream().filter(r -> r.rating().equals("5")).count() + " remain")
                .endsWith("use a larger release or a lower --min-rating.");
    }

    @Test
    void withoutMinRatingNothingIsFilteredAndTheReportSaysNull() {
        Fixture fx = MovieLensFixtures.ml1m().build();

        DataPrep.Outcome outcome = PrepRuns.run(fx.writeTo(tmp), out());

        assertThat(outcome.report().minRating()).isNull();
        assertThat(outcome.report().datasets().get("interactions").filteredOut()).isZero();
        assertThat(read(out().resolve(PrepRuns.REPORT))).doesNotContain("minRating");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.4, 5.5, -1, Double.NaN})
    void minRatingOutsideTheScaleIsRefused(double bad) {
        assertThatThrownBy(() -> PrepOptions.defaults(tmp, out()).withMinRating(bad))
                .isInstanceOf(PrepException.class)
                .hasMessageContaining("outside MovieLens' 0.5 to 5 rating scale");
    }

    // ---- --event-type --------------------------------------------------------------------------------------------

    @Test
    void eventTypeIsWrittenOnEveryInteraction() {
        Fixture fx = MovieLensFixtures.ml100k().build();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withEventType("Rating"));

        assertThat(read(out().resolve(INTERACTIONS))).isEqualTo(expectedInteractions(fx.ratings(), "Rating"));
        assertThat(outcome.report().eventType()).isEqualTo("Rating");
    }

    @Test
    void defaultEventTypeIsWatch() {
        assertThat(PrepOptions.defaults(tmp, out()).eventType()).isEqualTo("Watch").isEqualTo(PrepOptions.DEFAULT_EVENT_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a,b", "line\nbreak", "quote\""})
    void eventTypeThatWouldBreakTheCsvIsRefused(String bad) {
        assertThatThrownBy(() -> PrepOptions.defaults(tmp, out()).withEventType(bad))
                .isInstanceOf(PrepException.class)
                .hasMessageContaining("--event-type");
    }

    @Test
    void eventTypeLongerThan256CharactersIsRefused() {
        assertThatThrownBy(() -> PrepOptions.defaults(tmp, out()).withEventType("W".repeat(257)))
                .isInstanceOf(PrepException.class);
        assertThat(PrepOptions.defaults(tmp, out()).withEventType("W".repeat(256)).eventType()).hasSize(256);
    }

    // ---- --domain ------------------------------------------------------------------------------------------------

    @Test
    void videoOnDemandDomainRejectsMoviesWithoutAYear() {
        Fixture fx = MovieLensFixtures.mlLatest().title(3, "Babylon 5").title(7, "Cosmos").build();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withDomain(Domain.VIDEO_ON_DEMAND));

        assertThat(outcome.published()).isTrue();
        assertThat(outcome.report().domain()).isEqualTo("VIDEO_ON_DEMAND");
        DatasetReport items = outcome.report().datasets().get("items");
        DatasetReport.RejectionSummary s = items.rejections().get(Rejection.MISSING_RELEASE_DATE.name());
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.firstLines()).containsExactly(4L, 8L);
        assertThat(s.example()).isEqualTo("movie 3 on line 4 has no release date or year");
        List<String> written = lines(out().resolve(ITEMS));
        assertThat(written.get(0)).isEqualTo(header(DatasetType.ITEMS, Domain.VIDEO_ON_DEMAND));
        assertThat(written).hasSize(49).noneMatch(l -> l.endsWith(","));
        // Their interactions are kept, as interactions with movies that have no metadata.
        assertThat(outcome.report().counts().interactionsWithoutItemMetadata())
                .isEqualTo(fx.ratings().stream().filter(r -> r.movieId().equals("3") || r.movieId().equals("7")).count());
    }

    @Test
    void customDomainKeepsMoviesWithoutAYearWithAnEmptyCreationTimestamp() {
        Fixture fx = MovieLensFixtures.mlLatest().title(3, "Babylon 5").build();

        PrepRuns.run(fx.writeTo(tmp), out());

        assertThat(lines(out().resolve(ITEMS))).hasSize(51).anySatisfy(l -> assertThat(l).startsWith("3,Babylon 5,").endsWith(","));
    }

    @Test
    void videoOnDemandDomainRejectsMl100kItemWithoutDateOrYear() {
        Fixture fx = MovieLensFixtures.ml100k().title(5, "unknown").releaseDate(5, "").build();

        DataPrep.Outcome outcome = DataPrep.run(PrepOptions.defaults(fx.writeTo(tmp), out()).withDomain(Domain.VIDEO_ON_DEMAND));

        assertThat(outcome.report().datasets().get("items").rejections().get("MISSING_RELEASE_DATE").firstLines()).containsExactly(5L);
    }

    @Test
    void outputIsRequiredToDifferFromTheInput() {
        assertThatThrownBy(() -> PrepOptions.defaults(tmp, tmp))
                .isInstanceOf(PrepException.class)
                .hasMessageContaining("--output " + tmp + " is the input directory");
    }
}
