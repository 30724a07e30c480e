package io.solstice.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A two-way mapping between ids (users, items, countries) and dense indexes 0..size-1. */
public final class Vocabulary {

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** Returns the index of {@code name}, adding it when it is new. */
    public int add(String name) {
        Integer existing = indexes.get(name);
        if (existing != null) {
            return existing;
        }
        int index = names.size();
        indexes.put(name, index);
        names.add(name);
        return index;
    }

    /** The index of {@code name}, or -1 when it has never been added. */
    public int indexOf(String name) {
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    public String nameOf(int index) {
        return names.get(index);
    }

    public int size() {
        return names.size();
    }

    /** All names in index order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }
}
