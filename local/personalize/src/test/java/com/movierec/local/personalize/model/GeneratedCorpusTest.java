package com.movierec.local.personalize.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.movierec.local.personalize.engine.Delays;
import com.movierec.local.personalize.engine.EngineSettings;
import com.movierec.local.personalize.server.PersonalizeLocalServer;
import com.movierec.local.personalize.server.runtime.EventsApi;
import com.movierec.local.personalize.server.runtime.RuntimeApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of invalid requests generated from Personalize's three service models ({@link InvalidRequests}), sent
 * over HTTP on each API's wire protocol to a running personalize-local: every one is refused with the error and the
 * member path AWS's front end answers with. The valid request each was derived from passes validation, and reaches
 * the engine, or for an operation personalize-local does not implement, the answer that says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCorpusTest {
    /** The REST operations personalize-local serves; every other runtime and events operation is unknown to it. */
    private static final Set<String> REST_SERVED = Set.of(RuntimeApi.RECOMMENDATIONS, RuntimeApi.RANKING,
            EventsApi.EVENTS);

    @TempDir
    static Path s3;

    private PersonalizeModels models;
    private PersonalizeLocalServer server;
    private WireClient wire;
    private final Map<String, Integer> corpus = new TreeMap<>();
    private final AtomicInteger operations = new AtomicInteger();

    @BeforeAll
    void start() {
        models = PersonalizeModels.load();
        server = PersonalizeLocalServer.start(EngineSettings.defaults(s3).withDelays(Delays.NONE), 0);
        wire = new WireClient(server.endpoint());
    }

    @AfterAll
    void stop() {
        server.close();
        System.out.println("Generated corpus: " + corpus.values().stream().mapToInt(Integer::intValue).sum()
                + " invalid requests over " + operations + " operations, by kind " + corpus);
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidRequestIsRefusedWithTheFrontEndsErrorNamingTheMember() {
        return PersonalizeModels.SERVICES.stream().map(models::service).flatMap(service -> service.operations()
                .values().stream().map(op -> DynamicTest.dynamicTest(service.endpointPrefix() + " " + op.name(),
                        () -> refusesEveryInvalidRequest(service, op))));
    }

    @TestFactory
    Stream<DynamicTest> theValidRequestEachWasDerivedFromPassesValidation() {
        return PersonalizeModels.SERVICES.stream().map(models::service).flatMap(service -> service.operations()
                .values().stream().map(op -> DynamicTest.dynamicTest(service.endpointPrefix() + " " + op.name(),
                        () -> passes(service, op))));
    }

    private void refusesEveryInvalidRequest(ServiceModel service, ServiceModel.Operation op) {
        List<InvalidRequests.Variant> variants = new InvalidRequests(service).of(service.shape(op.input()));
        List<String> failures = new ArrayList<>();
        for (InvalidRequests.Variant v : variants) {
            WireClient.Answer answer = wire.send(service, op, v.value());
            if (answer.status() != 400 || !v.error().equals(answer.errorType())
                    || !answer.message().contains(v.expected())) {
                failures.add(v.kind() + " " + v.value() + " -> " + answer.status() + " " + answer.errorType() + " "
                        + answer.message() + " (expected " + v.error() + " containing \"" + v.expected() + "\")");
            }
            synchronized (corpus) {
                corpus.merge(v.kind(), 1, Integer::sum);
            }
        }
        operations.incrementAndGet();
        assertThat(variants).as("invalid requests generated for %s", op.name()).isNotEmpty();
        assertThat(failures).as("answers to invalid %s requests", op.name()).isEmpty();
    }

    private void passes(ServiceModel service, ServiceModel.Operation op) {
        WireClient.Answer answer = wire.send(service, op, new ValidValues(service).of(service.shape(op.input())));
        assertThat(answer.errorType()).as("%s: %s", op.name(), answer.body())
                .isNotIn(InvalidRequests.VALIDATION, InvalidRequests.SERIALIZATION);
        assertThat(answer.status()).as("%s: %s", op.name(), answer.body()).isNotEqualTo(500);
        boolean served = "json".equals(service.protocol()) ? !"UnknownOperationException".equals(answer.errorType())
                : REST_SERVED.contains(op.requestUri());
        if (!served) {
            assertThat(answer.errorType()).as("%s is not implemented: %s", op.name(), answer.body())
                    .isEqualTo("UnknownOperationException");
            assertThat(answer.status()).isEqualTo("json".equals(service.protocol()) ? 400 : 404);
        } else {
            assertThat(answer.errorType()).as("%s is implemented: %s", op.name(), answer.body())
                    .isNotEqualTo("UnknownOperationException");
        }
    }
}
