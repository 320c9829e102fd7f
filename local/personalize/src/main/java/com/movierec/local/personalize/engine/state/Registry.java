package com.movierec.local.personalize.engine.state;

import com.movierec.local.personalize.engine.PersonalizeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The resources of one type by ARN. Lookups are lock-free (the runtime path reads campaigns and filters without
 * the engine's lock); changes happen under it.
 *
 * @param <T> the resource type
 */
public final class Registry<T extends Resource> {
    private final Map<String, T> byArn = new ConcurrentHashMap<>();

    public Optional<T> find(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(byArn.get(arn));
    }

    /** @throws PersonalizeException ResourceNotFoundException when there is no such resource */
    public T require(String arn) {
        T resource = arn == null ? null : byArn.get(arn);
        if (resource == null) {
            throw PersonalizeException.notFound(arn);
        }
        return resource;
    }

    /** @throws PersonalizeException ResourceAlreadyExistsException when the ARN (so the name) is taken */
    public void add(T resource) {
        if (byArn.putIfAbsent(resource.arn(), resource) != null) {
            throw PersonalizeException.alreadyExists(resource.arn());
        }
    }

    public boolean holds(Resource resource) {
        return byArn.get(resource.arn()) == resource;
    }

    public void remove(Resource resource) {
        byArn.remove(resource.arn(), resource);
    }

    /** The resources {@code filter} accepts, newest first, as Personalize lists them. */
    public List<T> list(Predicate<? super T> filter) {
        return byArn.values().stream().filter(filter)
                .sorted(Comparator.comparingLong(Resource::sequence).reversed()).toList();
    }

    public boolean any(Predicate<? super T> filter) {
        return byArn.values().stream().anyMatch(filter);
    }

    void clear() {
        byArn.clear();
    }
}
