package io.solstice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.solstice.calendar.SeasonCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one customer's two ranked lists next to each other, with each item's reason. */
final class SideBySide {

    private static final int COLUMN = 52;
    private static final SeasonCalendar CALENDAR = SeasonCalendar.standard();

    private SideBySide() {}

    static void print(DemoCustomer customer, List<LocalDate> dates, RankClient client, int count) {
        JsonNode first = client.rank(customer.userId(), customer.country(), dates.get(0), count);
        JsonNode second = client.rank(customer.userId(), customer.country(), dates.get(1), count);

        System.out.println();
        System.out.printf(
                "Customer %s (%s), model %s%n",
                customer.userId(), customer.country(), first.path("modelVersion").asText());
        System.out.printf(
                "  %-3s %-" + COLUMN + "s %s%n",
                "#",
                header(dates.get(0), first),
                header(dates.get(1), second));
        List<String> left = lines(first);
        List<String> right = lines(second);
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            System.out.printf(
                    "  %-3d %-" + COLUMN + "s %s%n",
                    i + 1,
                    i < left.size() ? left.get(i) : "",
                    i < right.size() ? right.get(i) : "");
        }
        System.out.printf(
                "  items naming Christmas: %d of %d on %s, %d of %d on %s; lists %s%n",
                christmasItems(first),
                left.size(),
                dates.get(0),
                christmasItems(second),
                right.size(),
                dates.get(1),
                left.equals(right) ? "identical" : "differ");
    }

    private static String header(LocalDate date, JsonNode response) {
        return date + " (" + response.path("season").asText().toLowerCase(Locale.ROOT) + ")";
    }

    private static List<String> lines(JsonNode response) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : response.path("items")) {
            String title = item.path("title").asText(item.path("itemId").asText());
            String reason = item.path("reason").asText();
            String text = truncate(title, COLUMN - reason.length() - 3) + " [" + reason + "]";
            lines.add(text);
        }
        return lines;
    }

    private static long christmasItems(JsonNode response) {
        long count = 0;
        for (JsonNode item : response.path("items")) {
            if (CALENDAR.holidaysMentionedIn(item.path("title").asText()).contains("christmas")) {
                count++;
            }
        }
        return count;
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }
}
