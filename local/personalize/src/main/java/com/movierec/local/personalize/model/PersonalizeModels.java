package com.movierec.local.personalize.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service models of Personalize's three APIs ({@code personalize}, {@code personalize-runtime},
 * {@code personalize-events}) as botocore ships them, each at its newest API version. Loaded once per JVM: every
 * server in it shares them.
 */
public final class PersonalizeModels {
    public static final List<String> SERVICES = List.of("personalize", "personalize-runtime", "personalize-events");
    private static final List<String> FILE_NAMES = List.of("service-2.json.gz", "service-2.json");

    private static PersonalizeModels loaded;

    /** An operation of one of the three services. */
    public record ModelOperation(ServiceModel service, ServiceModel.Operation operation) {
        public Shape input() {
            return service.shape(operation.input());
        }
    }

    private final Path source;
    private final Map<String, ServiceModel> services;

    private PersonalizeModels(Path source, Map<String, ServiceModel> services) {
        this.source = source;
        this.services = services;
    }

    /**
     * The models from where {@link BotocoreData#locate()} finds them, read on the first call only.
     *
     * @throws ServiceModelsUnavailableException when they cannot be found or read, saying how to fix it
     */
    public static synchronized PersonalizeModels load() {
        if (loaded == null) {
            loaded = loadFrom(BotocoreData.locate());
        }
        return loaded;
    }

    /** The models under botocore's {@code data} directory {@code data}, read now. */
    public static PersonalizeModels loadFrom(Path data) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, ServiceModel> services = SERVICES.stream().collect(Collectors.toUnmodifiableMap(
                Function.identity(), service -> read(data, service, mapper)));
        return new PersonalizeModels(data, services);
    }

    private static ServiceModel read(Path data, String service, ObjectMapper mapper) {
        Path file = newestModel(data.resolve(service)).orElseThrow(() -> new ServiceModelsUnavailableException(
                "personalize-local checks every request against the Personalize service models, but " + data
                        + " has no " + service + "/<version>/service-2.json.gz: point " + BotocoreData.VARIABLE
                        + " at botocore's data directory or upgrade botocore with `pip install -U botocore`"));
        ServiceModel model;
        try {
            model = ServiceModel.read(file, mapper);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ServiceModelsUnavailableException("personalize-local cannot use the service model " + file
                    + ": " + e.getMessage(), e);
        }
        boolean json = "personalize".equals(service);
        if (!(json ? "json" : "rest-json").equals(model.protocol()) || (json && model.targetPrefix() == null)) {
            throw new ServiceModelsUnavailableException("personalize-local speaks " + service + " as "
                    + (json ? "AWS JSON 1.1" : "REST-JSON") + ", but " + file + " declares the protocol '"
                    + model.protocol() + "'");
        }
        return model;
    }

    /** The model file of the newest API version (directories are named by date, so the last sorts newest). */
    private static Optional<Path> newestModel(Path serviceDir) {
        if (!Files.isDirectory(serviceDir)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(serviceDir)) {
            return versions.filter(Files::isDirectory).sorted(Comparator.reverseOrder())
                    .flatMap(v -> FILE_NAMES.stream().map(v::resolve).filter(Files::isRegularFile).limit(1))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The botocore data directory the models were read from. */
    public Path source() {
        return source;
    }

    /** {@code personalize}, {@code personalize-runtime} or {@code personalize-events}. */
    public ServiceModel service(String name) {
        ServiceModel model = services.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no service model " + name + "; there are " + SERVICES);
        }
        return model;
    }

    /** The control-plane operation an {@code X-Amz-Target} header names, e.g. {@code AmazonPersonalize.CreateSchema}. */
    public Optional<ModelOperation> byTarget(String target) {
        ServiceModel control = service("personalize");
        String prefix = control.targetPrefix() + ".";
        if (target == null || !target.startsWith(prefix)) {
            return Optional.empty();
        }
        return control.operation(target.substring(prefix.length())).map(op -> new ModelOperation(control, op));
    }

    /** The runtime or events operation a REST request calls, by its method and path. */
    public Optional<ModelOperation> byRest(String method, String path) {
        return Stream.of(service("personalize-runtime"), service("personalize-events"))
                .flatMap(service -> service.operations().values().stream()
                        .filter(op -> op.httpMethod().equals(method) && op.requestUri().equals(path))
                        .map(op -> new ModelOperation(service, op)))
                .findFirst();
    }
}
