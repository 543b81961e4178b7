package com.acme.orders.adapter.persistence;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.NamedArgumentFinder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Binds a row record to a statement's named parameters, each parameter to the component of its name
 * ({@code :productName} to {@code productName()}), typed by the component's declared type so that a null binds as
 * a null of that type. JDBI's own {@code bindMethods} and {@code bindFields} reflect over public types only, and the
 * rows are package-private; this reads their components through this package's own lookup. The accessors are looked
 * up once per record type, with how {@link SqlArguments} binds each (other types go to JDBI's factories); a statement
 * asks only for the parameters it names, so a row may carry more components than one statement uses.
 */
final class RowArguments implements NamedArgumentFinder {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final ClassValue<Map<String, Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, Component> computeValue(Class<?> type) {
            Map<String, Component> components = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    MethodHandle accessor = LOOKUP.unreflect(component.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    Type componentType = component.getGenericType();
                    components.put(
                            component.getName(),
                            new Component(accessor, componentType, SqlArguments.forType(componentType)));
                } catch (IllegalAccessException failure) {
                    throw new IllegalStateException("cannot read " + component + " of " + type, failure);
                }
            }
            return Map.copyOf(components);
        }
    };

    /** A component's accessor and type, and how {@link SqlArguments} binds it (null: by JDBI's factories). */
    private record Component(MethodHandle accessor, Type type, Function<Object, Argument> binder) {}

    private final Record row;

    private RowArguments(Record row) {
        this.row = row;
    }

    /** The components of {@code row} as named arguments. */
    static RowArguments of(Record row) {
        return new RowArguments(row);
    }

    @Override
    public Optional<Argument> find(String name, StatementContext ctx) {
        Component component = COMPONENTS.get(row.getClass()).get(name);
        if (component == null) {
            return Optional.empty();
        }
        Object value;
        try {
            value = component.accessor().invokeExact((Object) row);
        } catch (Throwable failure) {
            throw new IllegalStateException("cannot read " + name + " of " + row.getClass(), failure);
        }
        return component.binder() != null
                ? Optional.of(component.binder().apply(value))
                : ctx.findArgumentFor(component.type(), value);
    }

    @Override
    public String toString() {
        // a failed statement's message names its arguments' finders: the row's type, never its values
        return "components of " + row.getClass().getSimpleName();
    }
}
