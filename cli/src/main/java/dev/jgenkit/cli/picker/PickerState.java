package dev.jgenkit.cli.picker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the picker shows, as an immutable value: the items in plan order, the query and its
 * ranked matches, the highlighted match (the cursor) and the scrolled window of {@code height}
 * rows, the multi-selection (item keys, kept while the query hides them), each item's latest
 * verdict, and what the user asked for ({@link Outcome}). {@link #on(Key)} is the whole key
 * handling; the terminal loop only maps keys and draws.
 */
public final class PickerState {
  /** What the user asked for. */
  public enum Outcome {
    /** Still choosing. */
    PICKING,
    /** Enter: run {@link #toRun()}. */
    RUN,
    /** Esc or Ctrl-C. */
    QUIT
  }

  /**
   * One visible row of the list.
   *
   * @param highlighted the cursor is on it
   */
  public record Row(
      PickerItem item,
      FuzzyMatcher.Match match,
      boolean highlighted,
      boolean selected,
      Optional<ItemResult> result) {}

  private final List<PickerItem> items;
  private final String query;
  private final List<FuzzyMatcher.Hit> hits;
  private final int cursor;
  private final int top;
  private final int height;
  private final Set<String> selected;
  private final Map<String, ItemResult> results;
  private final Outcome outcome;

  private PickerState(
      List<PickerItem> items,
      String query,
      List<FuzzyMatcher.Hit> hits,
      int cursor,
      int top,
      int height,
      Set<String> selected,
      Map<String, ItemResult> results,
      Outcome outcome) {
    this.items = items;
    this.query = query;
    this.hits = hits;
    this.height = Math.max(1, height);
    this.cursor = hits.isEmpty() ? 0 : Math.max(0, Math.min(cursor, hits.size() - 1));
    // Scroll just enough to keep the cursor in the window, and never past the last match.
    int t = Math.max(0, Math.min(top, Math.max(0, hits.size() - this.height)));
    if (this.cursor < t) {
      t = this.cursor;
    } else if (this.cursor >= t + this.height) {
      t = this.cursor - this.height + 1;
    }
    this.top = t;
    this.selected = selected;
    this.results = results;
    this.outcome = outcome;
  }

  /** A fresh picker over {@code items} (plan order) with a list {@code height} rows high. */
  public static PickerState of(List<PickerItem> items, int height) {
    List<PickerItem> copy = List.copyOf(items);
    Set<String> keys = new java.util.HashSet<>();
    for (PickerItem i : copy) {
      if (!keys.add(i.key())) {
        throw new IllegalArgumentException("duplicate item key: " + i.key());
      }
    }
    return new PickerState(copy, "", rank(copy, ""), 0, 0, height, Set.of(), Map.of(), Outcome.PICKING);
  }

  private static List<FuzzyMatcher.Hit> rank(List<PickerItem> items, String query) {
    return FuzzyMatcher.rank(query, items.stream().map(PickerItem::label).toList());
  }

  private PickerState with(String q, List<FuzzyMatcher.Hit> h, int c, int t, Set<String> s, Outcome o) {
    return new PickerState(items, q, h, c, t, height, s, results, o);
  }

  /** The state after {@code key}. */
  public PickerState on(Key key) {
    switch (key.kind()) {
      case TYPE:
        return withQuery(query + key.text().replaceAll("\\p{Cntrl}", ""));
      case BACKSPACE:
        return query.isEmpty() ? this : withQuery(query.substring(0, query.offsetByCodePoints(query.length(), -1)));
      case DELETE_WORD:
        return withQuery(query.replaceAll("\\S*\\s*$", ""));
      case CLEAR_QUERY:
        return withQuery("");
      case UP:
        return moveTo(cursor - 1);
      case DOWN:
        return moveTo(cursor + 1);
      case PAGE_UP:
        return moveTo(cursor - height);
      case PAGE_DOWN:
        return moveTo(cursor + height);
      case FIRST:
        return moveTo(0);
      case LAST:
        return moveTo(hits.size() - 1);
      case TOGGLE:
        return toggle().moveTo(cursor + 1);
      case TOGGLE_UP:
        return toggle().moveTo(cursor - 1);
      case TOGGLE_ALL:
        return toggleAll();
      case ACCEPT:
        return toRun().isEmpty() ? this : with(query, hits, cursor, top, selected, Outcome.RUN);
      case QUIT:
        return with(query, hits, cursor, top, selected, Outcome.QUIT);
      case IGNORE:
      default:
        return this;
    }
  }

  /** The same state with another query: matches re-ranked, the cursor back on the best one. */
  public PickerState withQuery(String newQuery) {
    Objects.requireNonNull(newQuery, "query");
    if (newQuery.equals(query)) {
      return this;
    }
    return with(newQuery, rank(items, newQuery), 0, 0, selected, outcome);
  }

  private PickerState moveTo(int index) {
    return with(query, hits, index, top, selected, outcome);
  }

  private PickerState toggle() {
    Optional<PickerItem> h = highlighted();
    if (h.isEmpty()) {
      return this;
    }
    Set<String> s = new LinkedHashSet<>(selected);
    if (!s.remove(h.get().key())) {
      s.add(h.get().key());
    }
    return with(query, hits, cursor, top, Set.copyOf(s), outcome);
  }

  private PickerState toggleAll() {
    Set<String> s = new LinkedHashSet<>(selected);
    List<String> matched = hits.stream().map(h -> items.get(h.index()).key()).toList();
    if (s.containsAll(matched)) {
      matched.forEach(s::remove);
    } else {
      s.addAll(matched);
    }
    return with(query, hits, cursor, top, Set.copyOf(s), outcome);
  }

  /** The same state with a list {@code newHeight} rows high (the terminal was resized). */
  public PickerState resize(int newHeight) {
    return new PickerState(items, query, hits, cursor, top, newHeight, selected, results, outcome);
  }

  /**
   * The same query, selection and highlighted item over a new list of items (a run discovered
   * new flows); selected keys that are gone are dropped.
   */
  public PickerState withItems(List<PickerItem> newItems) {
    Optional<String> current = highlighted().map(PickerItem::key);
    PickerState fresh = of(newItems, height);
    Set<String> keys = new java.util.HashSet<>();
    newItems.forEach(i -> keys.add(i.key()));
    Set<String> s = new LinkedHashSet<>(selected);
    s.retainAll(keys);
    PickerState next =
        new PickerState(fresh.items, query, rank(fresh.items, query), 0, 0, height, Set.copyOf(s),
            results, outcome);
    return current.map(next::highlight).orElse(next);
  }

  /** The same state with these verdicts recorded (newer ones replace older ones). */
  public PickerState withResults(Map<String, ItemResult> latest) {
    Map<String, ItemResult> r = new HashMap<>(results);
    r.putAll(latest);
    return new PickerState(items, query, hits, cursor, top, height, selected, Map.copyOf(r), outcome);
  }

  /** The same state with these item keys selected (unknown keys are ignored). */
  public PickerState withSelection(Collection<String> keys) {
    Set<String> s = new LinkedHashSet<>();
    for (PickerItem i : items) {
      if (keys.contains(i.key())) {
        s.add(i.key());
      }
    }
    return with(query, hits, cursor, top, Set.copyOf(s), outcome);
  }

  /** The cursor on the item with this key, when it is among the matches. */
  public PickerState highlight(String key) {
    for (int i = 0; i < hits.size(); i++) {
      if (items.get(hits.get(i).index()).key().equals(key)) {
        return moveTo(i);
      }
    }
    return this;
  }

  /** Back to choosing, after a run. */
  public PickerState picking() {
    return with(query, hits, cursor, top, selected, Outcome.PICKING);
  }

  public List<PickerItem> items() {
    return items;
  }

  public String query() {
    return query;
  }

  public List<FuzzyMatcher.Hit> hits() {
    return hits;
  }

  /** The highlighted match's position among the matches. */
  public int cursor() {
    return cursor;
  }

  /** The first visible match's position among the matches. */
  public int top() {
    return top;
  }

  public int height() {
    return height;
  }

  public Set<String> selected() {
    return selected;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Optional<ItemResult> result(String key) {
    return Optional.ofNullable(results.get(key));
  }

  public Map<String, ItemResult> results() {
    return results;
  }

  public Optional<PickerItem> highlighted() {
    return hits.isEmpty() ? Optional.empty() : Optional.of(items.get(hits.get(cursor).index()));
  }

  /** The rows in the window, top to bottom. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int i = top; i < Math.min(hits.size(), top + height); i++) {
      FuzzyMatcher.Hit h = hits.get(i);
      PickerItem item = items.get(h.index());
      rows.add(new Row(item, h.match(), i == cursor, selected.contains(item.key()),
          result(item.key())));
    }
    return rows;
  }

  /** The selected items in plan order, or else the highlighted one, or else nothing. */
  public List<PickerItem> toRun() {
    if (!selected.isEmpty()) {
      return items.stream().filter(i -> selected.contains(i.key())).toList();
    }
    return highlighted().map(List::of).orElse(List.of());
  }
}
