package com.movierec.local.personalize.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The maintained IAM policy simulator, {@code @cloud-copilot/iam-simulate}, run as a Node.js helper process
 * ({@code local/personalize/iam-simulator/simulator.mjs}) and spoken to with one JSON line per batch over stdin and stdout.
 * Its action, resource-type and condition-key data is generated from AWS's Service Authorization Reference, so it
 * decides, not our reading of IAM. Answers are cached per distinct request, which makes a local deploy's thousands
 * of calls cost a few hundred evaluations.
 *
 * <p>One process per JVM ({@link #shared()}); it ends by itself when the JVM does (its stdin closes), so no
 * shutdown hook is involved.
 */
public final class IamSimulator implements PolicyEvaluator, AutoCloseable {
    /** Overrides where the repository (with {@code node_modules} and {@code local/personalize/iam-simulator}) is. */
    public static final String ROOT_PROPERTY = "movierec.iamSimulator.root";
    static final String SCRIPT = "local/personalize/iam-simulator/simulator.mjs";
    static final String PACKAGE = "node_modules/@cloud-copilot/iam-simulate/package.json";
    private static final int STDERR_LINES = 20;
    private static volatile IamSimulator shared;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<SimulationRequest, PolicyDecision> cache = new ConcurrentHashMap<>();
    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader answers;
    private final Deque<String> stderr = new ArrayDeque<>();
    private long nextId;

    private IamSimulator(Process process) {
        this.process = process;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(this::drainStderr, "iam-simulator-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** The JVM's simulator, started on first use. */
    public static IamSimulator shared() {
        IamSimulator current = shared;
        if (current == null || !current.process.isAlive()) {
            synchronized (IamSimulator.class) {
                current = shared;
                if (current == null || !current.process.isAlive()) {
                    current = start(locateRoot());
                    shared = current;
                }
            }
        }
        return current;
    }

    /** Starts a simulator from the repository at {@code root}. */
    public static IamSimulator start(Path root) {
        ProcessBuilder builder = new ProcessBuilder("node", root.resolve(SCRIPT).toString()).directory(root.toFile());
        try {
            return new IamSimulator(builder.start());
        } catch (IOException e) {
            throw new IamSimulatorException("cannot start the IAM simulator: Node.js (node) is not on PATH; install "
                    + "Node.js 20 or newer (e.g. 'apt-get install nodejs npm') and run 'npm ci' in " + root);
        }
    }

    /**
     * The repository holding the script and the installed package: {@value #ROOT_PROPERTY}, else the first directory
     * holding the script up from the working directory, else up from where this class was loaded (a process started
     * elsewhere, by a test or a service manager, still finds the repository it was built in).
     */
    static Path locateRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            Path root = Path.of(configured).toAbsolutePath();
            requireInstalled(root);
            return root;
        }
        for (Path start : startingPoints()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                    requireInstalled(dir);
                    return dir;
                }
            }
        }
        throw new IamSimulatorException("cannot find the IAM simulator (" + SCRIPT + ") in " + Path.of("")
                .toAbsolutePath() + " or above: run local mode from the movierec repository, or set -D"
                + ROOT_PROPERTY + "=<repository>");
    }

    private static List<Path> startingPoints() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(IamSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the working directory is the only place to look
        }
        return starts;
    }

    private static void requireInstalled(Path root) {
        if (!Files.isRegularFile(root.resolve(PACKAGE))) {
            throw new IamSimulatorException("the IAM simulator @cloud-copilot/iam-simulate is not installed in "
                    + root + ": run 'npm ci' there (bin/run and bin/test do it for you)");
        }
    }

    @Override
    public PolicyDecision evaluate(SimulationRequest request) {
        return evaluateAll(List.of(request)).get(0);
    }

    /** Evaluates several requests in one round trip (the cached ones are not sent). */
    public List<PolicyDecision> evaluateAll(List<SimulationRequest> batch) {
        // The request record itself is the cache key (its policies compare as JSON trees): a cached request costs a
        // hash and an equals, and only a miss is turned into the simulator's JSON.
        Map<SimulationRequest, ObjectNode> missing = new LinkedHashMap<>();
        for (SimulationRequest request : batch) {
            if (!cache.containsKey(request)) {
                missing.computeIfAbsent(request, r -> r.toSimulation(json));
            }
        }
        if (!missing.isEmpty()) {
            List<SimulationRequest> requests = List.copyOf(missing.keySet());
            List<PolicyDecision> decided = roundTrip(List.copyOf(missing.values()));
            for (int i = 0; i < decided.size(); i++) {
                cache.put(requests.get(i), decided.get(i));
            }
        }
        return batch.stream().map(cache::get).toList();
    }

    /** How many distinct requests were evaluated by the process (the rest came from the cache). */
    public int evaluations() {
        return cache.size();
    }

    private synchronized List<PolicyDecision> roundTrip(List<ObjectNode> simulations) {
        long id = ++nextId;
        ObjectNode message = json.createObjectNode().put("id", id);
        ArrayNode list = message.putArray("simulations");
        simulations.forEach(list::add);
        try {
            requests.write(message.toString());
            requests.write('\n');
            requests.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IamSimulatorException("the IAM simulator stopped: " + stderrTail());
            }
            JsonNode answer = json.readTree(line);
            if (answer.has("error")) {
                throw new IamSimulatorException("the IAM simulator refused a batch: " + answer.get("error").asText());
            }
            List<PolicyDecision> decisions = new ArrayList<>();
            for (int i = 0; i < simulations.size(); i++) {
                decisions.add(decision(answer.get("results").get(i), simulations.get(i)));
            }
            return decisions;
        } catch (IOException e) {
            throw new IamSimulatorException("the IAM simulator cannot be reached (" + e.getMessage() + "): "
                    + stderrTail());
        }
    }

    private static PolicyDecision decision(JsonNode result, ObjectNode simulation) {
        if (result.has("error")) {
            // The simulator could not evaluate what was asked: a resource of a type the action does not take, or no
            // ARN at all. Never a denial to pass on: the service refuses such a request with its own error.
            throw new UnevaluableRequestException("the IAM simulator cannot evaluate " + simulation.path("request")
                    .path("action").asText() + " on " + simulation.path("request").path("resource").path("resource")
                    .asText() + ": " + result.get("error").asText());
        }
        PolicyDecision.Result outcome = switch (result.get("result").asText()) {
            case "Allowed" -> PolicyDecision.Result.ALLOWED;
            case "ExplicitlyDenied" -> PolicyDecision.Result.EXPLICITLY_DENIED;
            default -> PolicyDecision.Result.IMPLICITLY_DENIED;
        };
        List<PolicyDecision.Denial> denials = new ArrayList<>();
        for (JsonNode denial : result.path("denials")) {
            denials.add(new PolicyDecision.Denial(denial.path("policyType").asText(),
                    "Explicit".equals(denial.path("denialType").asText())));
        }
        return new PolicyDecision(outcome, denials, result.path("wildcardOnly").asBoolean());
    }

    private void drainStderr() {
        try (BufferedReader errors = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private String stderrTail() {
        synchronized (stderr) {
            return stderr.isEmpty() ? "(no output)" : String.join(" | ", stderr);
        }
    }

    /**
     * Ends the simulator by closing its stdin: it ignores SIGINT and SIGTERM (a signal to the whole process group must
     * not end it while local mode still deletes a stage), so a plain destroy() would not stop it.
     */
    @Override
    public void close() {
        try {
            requests.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
