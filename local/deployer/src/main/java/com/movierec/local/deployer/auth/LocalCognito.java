package com.movierec.local.deployer.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.movierec.local.deployer.deploy.StageDeployment;
import com.movierec.local.deployer.deploy.state.ResourceRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user pools of a deployed stage on this machine: one {@link LocalUserPool} per {@code AWS::Cognito::UserPool}
 * (and per pool id an app client or a Cognito authorizer names without the stage creating it, such as an existing
 * pool), each with the stage's {@code AWS::Cognito::UserPoolClient}s, and managed login for each pool that has a
 * client for the authorization code flow. Nothing resolves the pools' AWS issuer URLs: the local API adapter gets
 * their keys from here.
 */
public final class LocalCognito implements AutoCloseable {
    static final String USER_POOL = "AWS::Cognito::UserPool";
    static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
    static final String AUTHORIZER = "AWS::ApiGateway::Authorizer";

    private final Map<String, LocalUserPool> pools;
    private final Map<String, ManagedLoginServer> managedLogins = new TreeMap<>();

    private LocalCognito(Map<String, LocalUserPool> pools) {
        this.pools = pools;
    }

    /** The stage's pools and clients, each pool with a new key pair; managed login not yet started. */
    public static LocalCognito of(StageDeployment deployment) {
        Map<String, LocalUserPool> pools = new TreeMap<>();
        List<ResourceRecord> records = deployment.stacks().stream()
                .flatMap(stack -> stack.resources().values().stream()).toList();
        for (ResourceRecord record : records) {
            switch (record.type()) {
                case USER_POOL -> pools.computeIfAbsent(record.physicalId(), LocalUserPool::create);
                case USER_POOL_CLIENT -> pools.computeIfAbsent(record.properties().path("UserPoolId").asText(),
                        LocalUserPool::create);
                case AUTHORIZER -> {
                    if ("COGNITO_USER_POOLS".equals(record.properties().path("Type").asText())) {
                        for (JsonNode arn : record.properties().path("ProviderARNs")) {
                            pools.computeIfAbsent(poolIdOfArn(arn.asText()), LocalUserPool::create);
                        }
                    }
                }
                default -> {
                }
            }
        }
        for (ResourceRecord record : records) {
            if (record.type().equals(USER_POOL_CLIENT)) {
                pools.get(record.properties().path("UserPoolId").asText())
                        .addClient(AppClient.fromTemplate(record.physicalId(), record.properties()));
            }
        }
        return new LocalCognito(pools);
    }

    /** A stage with these pools (for tests). */
    public static LocalCognito of(Collection<LocalUserPool> pools) {
        Map<String, LocalUserPool> byId = new TreeMap<>();
        pools.forEach(pool -> byId.put(pool.id(), pool));
        return new LocalCognito(byId);
    }

    /** {@code arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>} to its pool id. */
    public static String poolIdOfArn(String arn) {
        int slash = arn.lastIndexOf("userpool/");
        if (!arn.startsWith("arn:") || slash < 0) {
            throw new IllegalArgumentException("ProviderARNs entry " + arn + " is not a user pool ARN, "
                    + "arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>");
        }
        return arn.substring(slash + "userpool/".length());
    }

    /** Starts managed login on a free port for every pool with an authorization-code client. */
    public LocalCognito startManagedLogin() {
        pools.values().stream().filter(pool -> pool.clients().stream().anyMatch(AppClient::allowsCodeFlow))
                .forEach(pool -> managedLogins.computeIfAbsent(pool.id(),
                        id -> ManagedLoginServer.start(pool, 0)));
        return this;
    }

    public boolean isEmpty() {
        return pools.isEmpty();
    }

    public Collection<LocalUserPool> pools() {
        return List.copyOf(pools.values());
    }

    public Optional<LocalUserPool> pool(String poolId) {
        return Optional.ofNullable(pools.get(poolId));
    }

    public Optional<ManagedLoginServer> managedLogin(String poolId) {
        return Optional.ofNullable(managedLogins.get(poolId));
    }

    /**
     * The sign-in the page uses: the first pool (by id) with managed login and its first authorization-code client
     * (by id), or empty when the stage has none.
     */
    public Optional<PageSignIn> pageSignIn() {
        for (Map.Entry<String, ManagedLoginServer> login : managedLogins.entrySet()) {
            LocalUserPool pool = pools.get(login.getKey());
            Optional<AppClient> client = pool.clients().stream().filter(AppClient::allowsCodeFlow)
                    .min(Comparator.comparing(AppClient::clientId));
            if (client.isPresent()) {
                return Optional.of(new PageSignIn(pool, client.get(), login.getValue()));
            }
        }
        return Optional.empty();
    }

    /** The pool, the app client and the managed login the page signs in with. */
    public record PageSignIn(LocalUserPool pool, AppClient client, ManagedLoginServer managedLogin) {
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        managedLogins.values().forEach(server -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        managedLogins.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
