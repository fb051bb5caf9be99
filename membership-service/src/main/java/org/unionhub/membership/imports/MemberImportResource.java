package org.unionhub.membership.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/member-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk enrollment", description = "Enroll tens of thousands of platform workers from a CSV file")
public class MemberImportResource {

    static final int MAX_ROWS = 200_000;
    static final String EXAMPLE = "name,idNumber,phone,employmentForm,employer,organizationId\n"
            + "王师傅,11010519491231002X,13812345678,TRUCK_DRIVER,绥中县顺达物流,6f1c2d3e-0000-4000-8000-000000000002\n";

    public record ImportResponse(UUID id, MemberImport.Status status, int totalRows, int doneRows, int imported, int skipped,
                                 int failed, List<ImportRows.Failure> failures, String error, Instant createdAt, Instant finishedAt) {
    }

    private final MemberImportJob job;
    private final Actor actor;
    private final ObjectMapper json;

    public MemberImportResource(MemberImportJob job, Actor actor, ObjectMapper json) {
        this.job = job;
        this.actor = actor;
        this.json = json;
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "Start a bulk enrollment from a CSV file (roles: staff, rows inside their subtree; admin)",
            description = "UTF-8 with a header row: name,idNumber,phone,employmentForm,employer,organizationId. Answers 202 with the job; "
                    + "members are enrolled ON_SITE (ACTIVE). Valid rows are imported even when others fail; people who already "
                    + "hold a membership are skipped, so re-uploading a file imports nothing twice.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "one truck driver", value = EXAMPLE)))
    public Response start(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "a CSV file with a header row is required");
        }
        List<Csv.Record> records = Csv.parse(body);
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "a CSV file with a header row is required");
        }
        Map<String, Integer> header;
        try {
            header = ImportRows.header(records.get(0));
        } catch (ImportRows.BadHeader e) {
            throw ProblemException.invalid("body", e.getMessage());
        }
        List<Csv.Record> data = records.subList(1, records.size());
        if (data.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per file");
        }
        UUID staffOrg = null;
        if (!actor.has(Roles.ADMIN)) {
            staffOrg = actor.orgId().orElseThrow(() -> ProblemException.forbidden("a staff token without orgId"));
        }
        MemberImport created = QuarkusTransaction.requiringNew().call(() -> {
            MemberImport m = new MemberImport();
            m.id = UUID.randomUUID();
            m.status = MemberImport.Status.QUEUED;
            m.totalRows = data.size();
            m.failures = "[]";
            m.createdAt = Instant.now();
            m.createdBy = actor.subject();
            m.persist();
            return m;
        });
        job.submit(created.id, List.copyOf(data), header, staffOrg, actor.subject());
        return Response.accepted(view(created)).location(URI.create("/api/v1/member-imports/" + created.id)).build();
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
        return view(m);
    }

    private ImportResponse view(MemberImport m) {
        List<ImportRows.Failure> failures;
        try {
            failures = json.readValue(m.failures, new TypeReference<List<ImportRows.Failure>>() { });
        } catch (Exception e) {
            failures = List.of();
        }
        return new ImportResponse(m.id, m.status, m.totalRows, m.doneRows, m.imported, m.skipped, m.failed, failures, m.error,
                m.createdAt, m.finishedAt);
    }
}
