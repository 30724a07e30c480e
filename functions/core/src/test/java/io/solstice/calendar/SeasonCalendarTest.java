package io.solstice.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeasonCalendarTest {

    private final SeasonCalendar calendar = SeasonCalendar.standard();

    @Test
    void givenJuly_whenSeasonInSydneyAndLondon_thenWinterAndSummer() {
        LocalDate july = LocalDate.of(2011, 7, 15);

        assertThat(calendar.seasonOf(july, calendar.country("Australia"))).isEqualTo(Season.WINTER);
        assertThat(calendar.seasonOf(july, calendar.country("GB"))).isEqualTo(Season.SUMMER);
        assertThat(calendar.seasonOf(july, calendar.country("RSA"))).isEqualTo(Season.WINTER);
    }

    @Test
    void givenRegionCodes_whenCountryResolved_thenTheRegionsCountry() {
        assertThat(calendar.country("AU-NSW")).isEqualTo(calendar.country("AU"));
        assertThat(calendar.country("gb-eng")).isEqualTo(calendar.country("GB"));
        assertThat(calendar.country("US-CA").code()).isEqualTo("US");
        assertThat(calendar.country("ZZ-NSW")).isEqualTo(Country.UNKNOWN);
        assertThat(calendar.country("AU-NEWSOUTHWALES")).isEqualTo(Country.UNKNOWN);
    }

    @Test
    void givenSameSeason_whenYearAngleInBothHemispheres_thenEncodingsMatch() {
        float[] sydneyJuly = calendar.yearAngle(LocalDate.of(2011, 7, 16), calendar.country("AU"));
        float[] londonJanuary =
                calendar.yearAngle(LocalDate.of(2011, 1, 14), calendar.country("GB"));

        assertThat(sydneyJuly[0])
                .isCloseTo(londonJanuary[0], org.assertj.core.data.Offset.offset(0.02f));
        assertThat(sydneyJuly[1])
                .isCloseTo(londonJanuary[1], org.assertj.core.data.Offset.offset(0.02f));
    }

    @ParameterizedTest
    @CsvSource({
        "2008,2008-03-23",
        "2011,2011-04-24",
        "2019,2019-04-21",
        "2024,2024-03-31",
        "2025,2025-04-20",
        "2038,2038-04-25"
    })
    void givenYear_whenEasterComputed_thenMatchesPublishedDate(int year, String expected) {
        assertThat(HolidayRule.easterSunday(year)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void givenMothersDay_whenUkAndUs_thenDifferentDays() {
        LocalDate ukDay = LocalDate.of(2011, 4, 3); // Mothering Sunday: three weeks before Easter
        LocalDate usDay = LocalDate.of(2011, 5, 8); // second Sunday of May

        assertThat(calendar.leadIn("mothers_day", ukDay, calendar.country("United Kingdom")))
                .isEqualTo(1.0);
        assertThat(calendar.leadIn("mothers_day", ukDay, calendar.country("USA"))).isLessThan(1.0);
        assertThat(calendar.leadIn("mothers_day", usDay, calendar.country("USA"))).isEqualTo(1.0);
        assertThat(calendar.leadIn("mothers_day", usDay, calendar.country("GB"))).isZero();
    }

    @Test
    void givenInstantAtMonthEdge_whenLocalDateInTwoZones_thenDecemberAndNovember() {
        Instant instant = Instant.parse("2011-12-01T02:00:00Z");

        LocalDate london = instant.atZone(ZoneId.of("Europe/London")).toLocalDate();
        LocalDate newYork = instant.atZone(ZoneId.of("America/New_York")).toLocalDate();

        assertThat(london.getMonthValue()).isEqualTo(12);
        assertThat(newYork.getMonthValue()).isEqualTo(11);
        assertThat(calendar.leadIn("christmas", london, calendar.country("GB")))
                .isGreaterThan(calendar.leadIn("christmas", newYork, calendar.country("US")));
    }

    @Test
    void givenChristmasLeadIn_whenMeasured_thenRisesTowardsTheDayAndIsZeroInSummer() {
        double october =
                calendar.leadIn("christmas", LocalDate.of(2011, 10, 15), calendar.country("GB"));
        double december =
                calendar.leadIn("christmas", LocalDate.of(2011, 12, 15), calendar.country("GB"));
        double july =
                calendar.leadIn("christmas", LocalDate.of(2011, 7, 15), calendar.country("GB"));

        assertThat(december).isGreaterThan(october);
        assertThat(october).isGreaterThan(0.0);
        assertThat(july).isZero();
    }

    @Test
    void givenDescriptions_whenMatchedToHolidays_thenWholeWordsOnly() {
        assertThat(calendar.holidaysMentionedIn("PAPER CHAIN KIT 50'S CHRISTMAS"))
                .containsExactly("christmas");
        assertThat(calendar.holidaysMentionedIn("SUNDAY BEST VASE")).isEmpty();
        assertThat(calendar.holidaysMentionedIn(null)).isEmpty();
    }

    @Test
    void givenChineseNewYear_whenObservedInChinaOnly_thenNoLeadInForUk() {
        LocalDate lateJanuary = LocalDate.of(2011, 1, 25);

        assertThat(calendar.leadIn("chinese_new_year", lateJanuary, calendar.country("CN")))
                .isGreaterThan(0.5);
        assertThat(calendar.leadIn("chinese_new_year", lateJanuary, calendar.country("GB")))
                .isZero();
    }
}
