package io.solstice.feature;

import io.solstice.clean.CleanPurchase;
import io.solstice.history.PurchaseLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds small purchase logs for tests: {@code add("u1", "A", "2024-02-01")}. */
final class Purchases {

    private final List<CleanPurchase> purchases = new ArrayList<>();

    Purchases add(String user, String item, String date) {
        String id = "e" + purchases.size();
        purchases.add(new CleanPurchase(id, user, item, LocalDate.parse(date), 1, 1.0, "France"));
        return this;
    }

    PurchaseLog log() {
        return PurchaseLog.of(purchases);
    }
}
