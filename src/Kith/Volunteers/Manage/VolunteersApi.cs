using System.Security.Claims;

namespace Kith.Volunteers.Manage;

/// <summary>
/// People who help over HTTP: coordinators and administrators keep the records, certificates and trainings; a person's
/// supervisor (any staff account named as such) reads the record and writes supervision notes. Problem details name the field.
/// </summary>
internal static class VolunteersApi
{
    public static WebApplication MapVolunteersApi(this WebApplication app)
    {
        var manage = app.MapGroup("/api/volunteers").RequireAuthorization(StaffPolicies.Coordinator).WithTags("Volunteers");
        manage.MapGet("/", async (VolunteerReader reader, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(user, ct)))
            .WithName("ListVolunteers").WithSummary("Your organisations' people who help, each certificate with its standing today (current, expiring-soon, lapsed).");
        manage.MapPost("/", async (VolunteerRequest request, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.SaveAsync(null, request, user, ct)))
            .WithName("CreateVolunteer").WithSummary("Records someone who helps; the answer carries their private code, shown only this once.").ProducesValidationProblem();
        manage.MapPut("/{id:guid}", async (Guid id, VolunteerRequest request, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.SaveAsync(id, request, user, ct)))
            .WithName("UpdateVolunteer").WithSummary("Changes someone's record (role, reminders, supervisor, status).").ProducesValidationProblem();
        manage.MapPost("/{id:guid}/code", async (Guid id, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.NewCodeAsync(id, user, ct)))
            .WithName("ReplaceVolunteerCode").WithSummary("A new private code for someone who lost theirs (the old one stops working).");
        manage.MapPost("/{id:guid}/certifications", async (Guid id, CertificationRequest request, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.CertifyAsync(id, request, user, ct)))
            .WithName("RecordCertification").WithSummary("Records a certificate (or its renewal); its last day is the training's usual term unless given.").ProducesValidationProblem();
        manage.MapGet("/trainings", async (VolunteerReader reader, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await reader.TrainingsAsync(user, ct)))
            .WithName("ListTrainings").WithSummary("The trainings your people can hold: the deployment's and your organisations' own.");
        manage.MapPost("/trainings", async (TrainingRequest request, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.AddTrainingAsync(request, user, ct)))
            .WithName("AddTraining").WithSummary("Adds a training with its term and renewal window.").ProducesValidationProblem();

        var supervised = app.MapGroup("/api/volunteers").RequireAuthorization(StaffPolicies.Staff).WithTags("Volunteers");
        supervised.MapGet("/{id:guid}", async (Guid id, VolunteerReader reader, ClaimsPrincipal user, CancellationToken ct) =>
                await reader.ReadAsync(id, user, ct) is { } details ? (IResult)TypedResults.Ok(details) : TypedResults.Problem(statusCode: 404, title: "Not found"))
            .WithName("ReadVolunteer").WithSummary("Someone's record and certificates; their supervision notes only for their supervisor (audited).");
        supervised.MapPost("/{id:guid}/notes", async (Guid id, SupervisionNoteRequest request, VolunteerEditor editor, ClaimsPrincipal user, CancellationToken ct) => Result(await editor.WriteNoteAsync(id, request, user, ct)))
            .WithName("WriteSupervisionNote").WithSummary("A supervision note, by the person's supervisor only; encrypted, read by the two of them.").ProducesValidationProblem();
        return app;
    }

    private static IResult Result(VolunteerResult result) => result.Status switch
    {
        StatusCodes.Status201Created => TypedResults.Created($"/api/volunteers/{result.Id}", new { id = result.Id, code = result.NewCode }),
        StatusCodes.Status200OK => TypedResults.Ok(new { id = result.Id, code = result.NewCode }),
        StatusCodes.Status400BadRequest => TypedResults.ValidationProblem(result.Errors!),
        var status => TypedResults.Problem(statusCode: status, title: status == 404 ? "Not found" : "Conflict", detail: result.Message),
    };
}
