package org.unionhub.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.unionhub.platform.problem.ProblemException;

import java.net.URI;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the first response (status, Location, body) is stored in the
 * transaction of the work; a repeat with the same key returns it and changes nothing; the same key
 * with a different body is 422. Resources call {@link #run} inside their transaction.
 */
@ApplicationScoped
public class IdempotentPost {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper json;
    private final SecretKeySpec hashKey;

    /**
     * @param hashKey keys the request hash: request bodies may hold personal data (an ID number), so the
     *                stored hash must not be a plain digest anyone could test guesses against; the platform's
     *                microprofile-config.properties holds a DEVELOPMENT-ONLY default
     */
    public IdempotentPost(EntityManager em, ObjectMapper json,
                          @ConfigProperty(name = "unionhub.idempotency.hash-key") String hashKey) {
        this.em = em;
        this.json = json;
        this.hashKey = new SecretKeySpec(hashKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * @param key     the header's value; without one the work simply runs
     * @param scope   what the key is unique within, e.g. {@code POST /api/v1/members} plus the caller
     * @param request the request body, whose hash tells a repeat from a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response run(String key, String scope, Object request, Supplier<Response> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, "must be at most 200 characters");
        }
        String hash = hash(request);
        // serialise concurrent repeats of one key: the second waits for the first and then sees its row
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, scope + "|" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("SELECT request_hash, status, location, body FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!hash.equals(row[0])) {
                throw ProblemException.rule("idempotency-key-reused", "Idempotency-Key " + key + " was used for a different request");
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue()).header("Idempotent-Replayed", "true");
            if (row[2] != null) replay.location(URI.create((String) row[2]));
            if (row[3] != null) replay.entity(row[3]).type("application/json");
            return replay.build();
        }
        Response response = work.get();
        String body;
        try {
            body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("INSERT INTO idempotency_key (idem_key, scope, request_hash, status, location, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, key).setParameter(2, scope).setParameter(3, hash)
                .setParameter(4, response.getStatus())
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, body)
                .executeUpdate();
        return response;
    }

    /**
     * The usual create under a key: {@link #run} answering 201 with what {@code work} made as the body and
     * {@code location} of it as the Location header.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Response created(String key, String scope, Object request, Supplier<T> work, Function<T, String> location) {
        return run(key, scope, request, () -> {
            T made = work.get();
            return Response.created(URI.create(location.apply(made))).entity(made).build();
        });
    }

    private String hash(Object request) {
        try {
            byte[] bytes = request == null ? new byte[0] : json.writeValueAsBytes(request);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

}
