package io.solstice.score;

/**
 * One ranked candidate.
 *
 * @param item item index of the model's item signals
 * @param score the model's score; only the order matters
 * @param reason the term that lifted the item most
 * @param detail a human sentence for the reason, e.g. naming the holiday
 */
public record RankedItem(int item, float score, ReasonCode reason, String detail) {}
