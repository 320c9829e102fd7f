package com.movierec.infra.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a config record's compact constructor finds wrong, collected in the order it checks and thrown together as an
 * {@link InvalidConfigException}, so that one synth reports every mistake. A key's fix is its {@link Fix}, the
 * sentence the binder uses when the key's JSON type is wrong: a key reads the same whatever is wrong with it.
 */
final class ConfigCheck {
    private final Class<?> type;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /** @param type the record whose {@link Fix} annotations word its keys */
    ConfigCheck(Class<?> type) {
        this.type = type;
    }

    /** A path below the record: keys and list indexes; none for the record itself. */
    static List<Object> at(Object... path) {
        return List.of(path);
    }

    /** Unless {@code valid}: {@code <key> is <value>: <the key's fix>.} */
    ConfigCheck require(boolean valid, String key, Object value) {
        return require(valid, at(key), value, ConfigCreator.of(type).fix(key));
    }

    /** Unless {@code valid}: {@code <path> is <value>: <fix>.} */
    ConfigCheck require(boolean valid, List<Object> path, Object value, String fix) {
        if (!valid) {
            problems.add(ConfigProblem.invalid(path, value, fix));
        }
        return this;
    }

    /** {@code <path> <text>.}: a mistake that is not one value's. */
    ConfigCheck add(List<Object> path, String text) {
        problems.add(ConfigProblem.sentence(path, text));
        return this;
    }

    /** Whether nothing was found wrong so far: checks of the whole come after those of the parts. */
    boolean passed() {
        return problems.isEmpty();
    }

    /** Throws what was found, if anything. */
    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    /**
     * For a creator that checks what needs more than one record, then builds the record: the record, or what was
     * found wrong with what the record's own constructor finds. A constructor's other exception after a problem was
     * found is a consequence of that problem, not a second one.
     */
    <T> T build(Supplier<T> create) {
        T value = null;
        try {
            value = create.get();
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            if (problems.isEmpty()) {
                throw e;
            }
        }
        done();
        return value;
    }
}
