package org.unionhub.platform.param;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads every path and query parameter of every service, so that a malformed one is a 400 problem naming it.
 * Without this, Quarkus REST answers a bare 404 for a path or query value it cannot convert (a UUID, an enum,
 * a number, a date), as JAX-RS prescribes, which tells a client the resource is absent instead of that his request
 * is wrong. Also applies the bounds of {@link InputBounds} (dates, instants, any parameter named {@code year}).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name != null && rawType.isPrimitive()) {
            // an absent primitive parameter reaches the converter as "" (it must become false or 0, not a 400)
            ParamConverter<T> boxed = (ParamConverter<T>) getConverter(box(rawType), genericType, annotations);
            return boxed == null ? null : new ParamConverter<>() {
                @Override
                public T fromString(String value) {
                    return value == null || value.isEmpty() ? (T) primitiveDefault(rawType) : boxed.fromString(value);
                }

                @Override
                public String toString(T value) {
                    return String.valueOf(value);
                }
            };
        }
        if (name == null) {
            // form fields and bodies (the member import's upload) have their own rules
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, UUID.class, v -> {
                // UUID.fromString accepts "1-1-1-1-1"; only the canonical 36-character form is an id here
                if (!UUID_SHAPE.matcher(v).matches()) {
                    throw new IllegalArgumentException();
                }
                return UUID.fromString(v);
            }, "is not a UUID");
        }
        if (rawType == Integer.class || rawType == int.class) {
            boolean year = "year".equals(name);
            return (ParamConverter<T>) converter(name, Integer.class, v -> {
                int n = Integer.parseInt(v.trim());
                return year ? InputBounds.year(name, n) : n;
            }, year ? "is not a year" : "is not a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long.class, v -> Long.parseLong(v.trim()), "is not a whole number");
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) converter(name, Double.class, v -> {
                double d = Double.parseDouble(v.trim());
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException();
                }
                return d;
            }, "is not a finite number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            // Boolean.valueOf reads anything but "true" as false: "yes" or "1" would silently mean false
            return (ParamConverter<T>) converter(name, Boolean.class, v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException();
            }, "must be true or false");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, LocalDate.class,
                    v -> InputBounds.date(name, LocalDate.parse(v.trim())), "is not a date (yyyy-MM-dd)");
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, Instant.class,
                    v -> InputBounds.instant(name, Instant.parse(v.trim())), "is not a UTC time (e.g. 2023-02-22T08:00:00Z)");
        }
        if (rawType == Year.class) {
            return (ParamConverter<T>) converter(name, Year.class,
                    v -> Year.of(InputBounds.year(name, Integer.parseInt(v.trim()))), "is not a year");
        }
        if (rawType.isEnum()) {
            Class type = rawType;
            String allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, type, v -> Enum.valueOf(type, v.trim()), "must be one of " + allowed);
        }
        return null;
    }

    private static Class<?> box(Class<?> primitive) {
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        return primitive;
    }

    private static Object primitiveDefault(Class<?> primitive) {
        if (primitive == boolean.class) {
            return Boolean.FALSE;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0d;
        }
        return null;
    }

    /**
     * A converter that answers {@code message} (or the parser's own message when it is null) for a value the parser
     * refuses; bounds already throw {@link InvalidParameterException} with their own words.
     */
    private static <T> ParamConverter<T> converter(String name, Class<T> type, Function<String, T> parse, String message) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (InvalidParameterException e) {
                    throw e;
                } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                    throw new InvalidParameterException(name, message != null ? message : e.getMessage());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) return q.value();
                if (a instanceof PathParam p) return p.value();
                if (a instanceof HeaderParam h) return h.value();
            }
        }
        return null;
    }
}
