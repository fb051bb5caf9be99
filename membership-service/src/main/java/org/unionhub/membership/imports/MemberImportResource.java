package org.unionhub.membership.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.unionhub.platform.identity.Actor;
import org.unionhub.platform.identity.Roles;
import org.unionhub.platform.problem.ProblemException;
import org.unionhub.platform.time.BusinessClock;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.unionhub.platform.problem.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/member-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk enrollment", description = "Enroll tens of thousands of platform workers from a CSV file")
public class MemberImportResource {

    static final int MAX_ROWS = 200_000;
    static final String EXAMPLE = "name,idNumber,phone,employmentForm,employer,organizationId\n"
            + "王师傅,11010519491231002X,13812345678,TRUCK_DRIVER,绥中县顺达物流,6f1c2d3e-0000-4000-8000-000000000002\n";

    public record ImportResponse(UUID id, MemberImport.Status status, int totalRows, int doneRows, int total, int processed,
                                 Long estimatedSecondsLeft, int imported, int skipped, int failed, List<ImportRows.Failure> failures,
                                 String error, String charset, int attempts, Instant createdAt, Instant finishedAt) {
    }

    private final BusinessClock clock;
    private final MemberImportJob job;
    private final ImportFiles files;
    private final Actor actor;
    private final ImportFailures failures;
    private final long maxBytes;
    private final int retryAfterSeconds;

    public MemberImportResource(MemberImportJob job, ImportFiles files, Actor actor, ImportFailures failures, BusinessClock clock,
                                @ConfigProperty(name = "unionhub.import.max-body-size", defaultValue = "64M") MemorySize maxBytes,
                                @ConfigProperty(name = "unionhub.import.retry-after", defaultValue = "30") int retryAfterSeconds) {
        this.job = job;
        this.clock = clock;
        this.files = files;
        this.actor = actor;
        this.failures = failures;
        this.maxBytes = maxBytes.asLongValue();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Start a bulk enrollment from a CSV file (roles: staff, rows inside their subtree; admin)",
            description = "A header row: name,idNumber,phone,employmentForm,employer,organizationId. UTF-8 (a BOM is fine); "
                    + "GBK/GB18030 when declared (Content-Type charset or ?charset=GBK) or detected; other bytes are a 400. "
                    + "At most 64 MiB (413) and 200,000 rows. Answers 202 with the job; when the import workers and their "
                    + "queue are all taken, 429 with Retry-After. Members are enrolled ON_SITE (ACTIVE). Valid rows are "
                    + "imported even when others fail; people who already hold a membership are skipped, so re-uploading a "
                    + "file imports nothing twice. A job interrupted by a restart resumes after its last committed chunk.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one truck driver", value = EXAMPLE)))
    public Response start(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @QueryParam("charset") String charsetParameter) {
        UUID staffOrg = null;
        if (!actor.has(Roles.ADMIN)) {
            staffOrg = actor.orgId().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId"));
        }
        Charset declared = ImportUpload.declared(contentType, charsetParameter);
        if (!job.tryAdmit()) {
            // refused before a byte of the body is read
            return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                    .entity(new Problem(Problem.TYPE_BASE + "import-queue-full", "Too many requests", 429,
                            "all import workers and their queue are taken; try again in " + retryAfterSeconds + " s",
                            "/api/v1/member-imports", null, null)).build();
        }
        boolean submitted = false;
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("member-import-", ".csv");
            ImportUpload.Received received = ImportUpload.receive(body, file, maxBytes, declared, MAX_ROWS);
            UUID org = staffOrg;
            java.nio.file.Path stored = file;
            MemberImport created = QuarkusTransaction.requiringNew().call(() -> {
                MemberImport m = new MemberImport();
                m.id = UUID.randomUUID();
                m.status = MemberImport.Status.QUEUED;
                m.totalRows = received.rows();
                m.failures = "[]";
                m.charset = received.charset().name();
                m.staffOrg = org;
                m.createdAt = clock.now();
                m.createdBy = actor.subject();
                m.persistAndFlush();
                files.store(m.id, stored);
                return m;
            });
            job.submitAdmitted(created.id);
            submitted = true;
            return Response.accepted(view(created, List.of())).location(URI.create("/api/v1/member-imports/" + created.id)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!submitted) {
                job.release();
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans it
                }
            }
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Progress of a bulk enrollment and, at the end, the rows that failed with line and reason "
            + "(roles: the staff who uploaded it, admin)")
    public ImportResponse get(@PathParam("id") UUID id) {
        MemberImport m = QuarkusTransaction.requiringNew().call(() -> MemberImport.findById(id));
        if (m == null) {
            throw ProblemException.notFound("member import", id);
        }
        if (!actor.has(Roles.ADMIN) && !actor.subject().equals(m.createdBy)) {
            throw ProblemException.forbidden("only the uploader or an admin follows an import");
        }
        return view(m, failures.of(m));
    }

    private ImportResponse view(MemberImport m, List<ImportRows.Failure> failures) {
        return new ImportResponse(m.id, m.status, m.totalRows, m.doneRows, m.totalRows, m.doneRows, estimatedSecondsLeft(m, clock.now()),
                m.imported, m.skipped, m.failed, failures, m.error, m.charset, m.attempts, m.createdAt, m.finishedAt);
    }

    /** From the pace of the current run: null until it has done some rows, 0 once the job ended. */
    static Long estimatedSecondsLeft(MemberImport m, Instant now) {
        if (m.finished()) {
            return 0L;
        }
        int done = m.doneRows - m.runStartedRows;
        if (m.status != MemberImport.Status.RUNNING || m.runStartedAt == null || done <= 0) {
            return null;
        }
        double perRow = java.time.Duration.between(m.runStartedAt, now).toMillis() / (double) done;
        return Math.round(perRow * (m.totalRows - m.doneRows) / 1000.0);
    }
}
