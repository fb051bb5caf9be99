package org.unionhub.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens with SmallRye JWT (signature RS256 against the configured key, issuer,
 * expiry). The key is loaded once by the parser; verification is CPU only, so it runs on the
 * event loop.
 */
@ApplicationScoped
public class EdgeTokens {

    @Inject
    JWTParser parser;

    /** A verified token, or an exception naming what was wrong. */
    public JsonWebToken verify(String authorization) throws InvalidToken {
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidToken("a bearer token is required");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidToken("the Authorization header must be 'Bearer <token>'");
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty() || token.chars().filter(c -> c == '.').count() != 2) {
            throw new InvalidToken("the bearer token is malformed");
        }
        try {
            return parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // never echo the reason from the library: it may describe the key or the claims
            throw new InvalidToken("the bearer token is invalid or expired");
        }
    }

    public static final class InvalidToken extends Exception {
        public InvalidToken(String message) {
            super(message, null, false, false);
        }
    }
}
