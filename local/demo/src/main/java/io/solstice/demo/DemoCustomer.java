package io.solstice.demo;

import io.solstice.event.Interaction;
import io.solstice.event.InteractionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real customer of the demo data, with the country of their purchases.
 *
 * @param purchaseDays distinct days with a purchase before the first demo date
 */
record DemoCustomer(String userId, String country, int purchaseDays) {

    /**
     * The customers with the most purchase days before {@code before} who also bought after it, one
     * per country, so the lists show more than one market.
     */
    static List<DemoCustomer> chooseActive(List<Interaction> events, LocalDate before, int count) {
        Map<String, Set<LocalDate>> daysBefore = new HashMap<>();
        Set<String> boughtAfter = new HashSet<>();
        Map<String, String> countries = new HashMap<>();
        for (Interaction event : events) {
            if (event.isGuest() || event.type() != InteractionType.PURCHASE) {
                continue;
            }
            LocalDate day = event.occurredAt().toLocalDate();
            countries.put(event.userId(), event.country());
            if (day.isBefore(before)) {
                daysBefore.computeIfAbsent(event.userId(), u -> new HashSet<>()).add(day);
            } else {
                boughtAfter.add(event.userId());
            }
        }

        List<DemoCustomer> ranked = new ArrayList<>();
        for (Map.Entry<String, Set<LocalDate>> entry : daysBefore.entrySet()) {
            if (boughtAfter.contains(entry.getKey())) {
                ranked.add(
                        new DemoCustomer(
                                entry.getKey(),
                                countries.get(entry.getKey()),
                                entry.getValue().size()));
            }
        }
        ranked.sort(
                Comparator.comparingInt(DemoCustomer::purchaseDays)
                        .reversed()
                        .thenComparing(DemoCustomer::userId));
        return onePerCountry(ranked, count);
    }

    private static List<DemoCustomer> onePerCountry(List<DemoCustomer> ranked, int count) {
        Set<String> countries = new LinkedHashSet<>();
        List<DemoCustomer> chosen = new ArrayList<>();
        for (DemoCustomer customer : ranked) {
            if (chosen.size() < count && countries.add(customer.country())) {
                chosen.add(customer);
            }
        }
        return chosen;
    }

    /** The given customer ids, with the country of their latest event. */
    static List<DemoCustomer> named(List<Interaction> events, List<String> userIds) {
        Map<String, String> countries = new HashMap<>();
        for (Interaction event : events) {
            if (!event.isGuest()) {
                countries.put(event.userId(), event.country());
            }
        }
        return userIds.stream()
                .map(id -> new DemoCustomer(id, countries.getOrDefault(id, "United Kingdom"), 0))
                .toList();
    }
}
