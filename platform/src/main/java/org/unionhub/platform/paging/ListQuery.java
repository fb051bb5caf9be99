package org.unionhub.platform.paging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Entity;
import jakarta.persistence.TypedQuery;
import org.unionhub.platform.identity.OrganizationPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The query of a list endpoint, written one way everywhere: conditions that always hold, filters that count only when
 * the client gave a value, the organization subtree a staff list is confined to, and keyset paging in a stable order
 * after the cursor of the previous page. {@link #fetch()} reads one row more than the page, which {@link Page#of} needs
 * to know whether a next page exists; the cursor each row gives ({@code PageRequest.encode(...)}) names the same
 * fields as {@link #orderBy}.
 *
 * <pre>{@code
 * List<Application> rows = ListQuery.of(Application.class, page)
 *         .within("organizationPath", access.listScope())
 *         .filter("status = :status", "status", status)
 *         .orderBy(Key.instant("submittedAt").descending(), Key.uuid("id").descending())
 *         .fetch();
 * return Page.of(rows, page.limit(), a -> PageRequest.encode(a.submittedAt, a.id), ApplicationSummary::of);
 * }</pre>
 *
 * Conditions are JPQL over the entity's fields, without an alias.
 */
public final class ListQuery<T> {

    private final Class<T> entity;
    private final PageRequest page;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private final List<Key> order = new ArrayList<>();

    private ListQuery(Class<T> entity, PageRequest page) {
        this.entity = entity;
        this.page = page;
    }

    public static <T> ListQuery<T> of(Class<T> entity, PageRequest page) {
        return new ListQuery<>(entity, page);
    }

    /** A condition that always holds, e.g. {@code "memberId = :member"}. */
    public ListQuery<T> where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** One more parameter of the condition before, where it names two. */
    public ListQuery<T> with(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** A condition without parameters, e.g. {@code "closedAt IS NULL"}. */
    public ListQuery<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A filter the client may leave out: nothing is added when {@code value} is null. */
    public ListQuery<T> filter(String condition, String parameter, Object value) {
        return value == null ? this : where(condition, parameter, value);
    }

    /** Rows whose organization path lies in the subtree of {@code root}; everything when there is no root (admins). */
    public ListQuery<T> within(String pathField, Optional<UUID> root) {
        return root.map(r -> where(pathField + " LIKE :subtree", "subtree", OrganizationPath.subtreePattern(r))).orElse(this);
    }

    /** The order of the list and of its cursor; the last key must be unique (the id). */
    public ListQuery<T> orderBy(Key... keys) {
        order.addAll(List.of(keys));
        return this;
    }

    /** The page: at most {@code limit + 1} rows after the cursor. */
    public List<T> fetch() {
        if (order.isEmpty()) {
            throw new IllegalStateException("a list needs an order for its cursor");
        }
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> values = new HashMap<>(parameters);
        if (!page.first()) {
            Cursor cursor = page.cursor(order.size());
            where.add(after(cursor, values));
        }
        String jpql = "FROM " + entityName() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + String.join(", ", order.stream().map(Key::orderBy).toList());
        TypedQuery<T> query = Panache.getEntityManager(entity).createQuery(jpql, entity).setMaxResults(page.limit() + 1);
        values.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The rows after the cursor in the list's order: {@code (k0 > :c0) OR (k0 = :c0 AND k1 > :c1) ...}, each
     * comparison turned for a descending key.
     */
    String after(Cursor cursor, Map<String, Object> values) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            values.put("cursor" + i, order.get(i).read().apply(cursor, i));
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(order.get(j).field() + " = :cursor" + j);
            }
            terms.add(order.get(i).field() + (order.get(i).downward() ? " < " : " > ") + ":cursor" + i);
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    private String entityName() {
        Entity annotation = entity.getAnnotation(Entity.class);
        return annotation == null || annotation.name().isEmpty() ? entity.getSimpleName() : annotation.name();
    }

    /** One field of the order, with how its value is read back from a cursor. */
    public record Key(String field, boolean downward, BiFunction<Cursor, Integer, Object> read) {

        public static Key uuid(String field) {
            return new Key(field, false, Cursor::uuid);
        }

        public static Key instant(String field) {
            return new Key(field, false, Cursor::instant);
        }

        public static Key date(String field) {
            return new Key(field, false, Cursor::date);
        }

        public static Key number(String field) {
            return new Key(field, false, Cursor::number);
        }

        /** The same key, largest first. */
        public Key descending() {
            return new Key(field, true, read);
        }

        String orderBy() {
            return field + (downward ? " DESC" : "");
        }
    }
}
