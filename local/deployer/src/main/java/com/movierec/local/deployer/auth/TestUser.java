package com.movierec.local.deployer.auth;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user {@code up} creates in the page's local user pool, so the page can be signed in to at once: a username, a
 * password made for this run, and the MovieLens user id the pool maps it to (the admin-set attribute
 * {@code custom:movierec_user_id}, which the API reads as the signed-in user's id).
 */
public record TestUser(String username, String password, String movieLensUserId, String email, String sub) {
    public static final String USERNAME = "demo";
    public static final String USER_ID_ATTRIBUTE = "custom:movierec_user_id";
    private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates {@code username} in {@code pool}, mapped to {@code movieLensUserId}, with a random password. */
    public static TestUser create(LocalUserPool pool, String username, String movieLensUserId) {
        String password = newPassword();
        String email = username + "@example.com";
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("email", email);
        attributes.put("email_verified", "true");
        attributes.put(USER_ID_ATTRIBUTE, movieLensUserId);
        PoolUser user = pool.adminCreateUser(username, password, attributes);
        return new TestUser(username, password, movieLensUserId, email, user.sub());
    }

    /**
     * 16 random letters and digits in two groups, with a hyphen: upper and lower case, a digit and a symbol, as the
     * default password policy of a Cognito pool asks.
     */
    static String newPassword() {
        StringBuilder password = new StringBuilder();
        while (password.length() < 16) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        password.insert(8, '-');
        password.append("a7Z");
        return password.toString();
    }
}
