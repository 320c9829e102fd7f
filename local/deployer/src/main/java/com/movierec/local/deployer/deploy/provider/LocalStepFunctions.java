package com.movierec.local.deployer.deploy.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.movierec.lifecycle.WatcherHandler;
import com.movierec.local.deployer.deploy.waitcondition.SignalBoard;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * A local Step Functions with one workflow: the Personalize job watcher, which the ImportJob and SolutionVersion
 * onEvent start through {@code SfnClient.startExecution}. Each execution runs {@link WatcherExecution} on a daemon
 * thread. As in Step Functions, starting an execution again with the same name and input is answered with the
 * running one, and with another input is {@code ExecutionAlreadyExists}.
 *
 * <p>{@link #client()} is an {@link SfnClient} whose every other operation throws an
 * {@link UnsupportedOperationException} naming it: the SDK interface has dozens of operations and none of them may
 * silently do nothing.
 */
public final class LocalStepFunctions implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[^:]*:\\d{12}:stateMachine:.+");

    private final WatcherHandler watcher;
    private final Duration pollCap;
    private final SignalBoard board;
    private final Map<String, String> inputsByExecution = new ConcurrentHashMap<>();
    private final ExecutorService threads;

    private final Consumer<String> authorizeStart;

    public LocalStepFunctions(WatcherHandler watcher, Duration pollCap, SignalBoard board) {
        this(watcher, pollCap, board, stateMachineArn -> { });
    }

    /**
     * @param authorizeStart called with the state machine's ARN before an execution starts: throws what Step
     *                       Functions answers a caller IAM does not allow, or an execution whose role may not invoke
     *                       the watcher function
     */
    public LocalStepFunctions(WatcherHandler watcher, Duration pollCap, SignalBoard board,
                              Consumer<String> authorizeStart) {
        this.authorizeStart = authorizeStart;
        this.watcher = watcher;
        this.pollCap = pollCap;
        this.board = board;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "local-watcher-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public SfnClient client() {
        return (SfnClient) Proxy.newProxyInstance(SfnClient.class.getClassLoader(), new Class<?>[] {SfnClient.class},
                (proxy, method, args) -> invoke(proxy, method, args));
    }

    /** Starts the watcher loop for {@code request.input()}, a {@code WatcherInput} JSON. */
    public StartExecutionResponse startExecution(StartExecutionRequest request) {
        String stateMachineArn = request.stateMachineArn();
        if (stateMachineArn == null || !STATE_MACHINE_ARN.matcher(stateMachineArn).matches()) {
            throw InvalidArnException.builder().message("Invalid Arn: '" + stateMachineArn + "'").build();
        }
        authorizeStart.accept(stateMachineArn);
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + request.name();
        String previous = inputsByExecution.putIfAbsent(executionArn, request.input());
        if (previous != null && !previous.equals(request.input())) {
            throw ExecutionAlreadyExistsException.builder()
                    .message("Execution Already Exists: '" + executionArn + "'").build();
        }
        if (previous == null) {
            threads.execute(new WatcherExecution(watcher, parse(request.input()), pollCap, board));
        }
        return StartExecutionResponse.builder().executionArn(executionArn).startDate(Instant.now()).build();
    }

    /** Stops every execution still running: they belong to the deploy that started them. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private Object invoke(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "startExecution" -> startExecution(args[0] instanceof StartExecutionRequest request ? request
                    : StartExecutionRequest.builder().applyMutation((Consumer<StartExecutionRequest.Builder>) args[0])
                            .build());
            case "serviceName" -> SfnClient.SERVICE_NAME;
            case "close" -> null;
            case "toString" -> "LocalStepFunctions.client()";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("local Step Functions runs only StartExecution of the "
                    + "Personalize job watcher, not " + method.getName());
        };
    }

    private static Map<String, Object> parse(String input) {
        try {
            return JSON.readValue(input, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the execution input is not JSON: " + e.getOriginalMessage());
        }
    }
}
