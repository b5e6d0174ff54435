using Kith.Platform.Data;
using Kith.Platform.Web.QrCodes;
using Kith.Screening.Campaigns.Aggregates;
using Kith.Screening.Campaigns.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Screening.Campaigns.Editing;

/// <summary>
/// <c>/api/screening/campaigns</c>: campaigns for coordinators (their organisations') and administrators (all),
/// and their aggregates — suppressed, never a single response. A campaign of another organisation is a 403.
/// </summary>
internal static class CampaignsApi
{
    public const string Prefix = "/api/screening/campaigns";

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup(Prefix).RequireAuthorization(StaffPolicies.Coordinator).WithTags("Screening campaigns");
        campaigns.MapGet("/", List).WithName("ListScreeningCampaigns").WithSummary("The campaigns you may manage, newest first.");
        campaigns.MapGet("/{id:guid}", Get).WithName("GetScreeningCampaign").WithSummary("One campaign, with its public link.");
        campaigns.MapPost("/", Create).WithName("CreateScreeningCampaign")
            .WithSummary("Starts a campaign: instruments in order, the groups participants choose from, first and last day (YYYY-MM-DD).");
        campaigns.MapPut("/{id:guid}", Update).WithName("UpdateScreeningCampaign")
            .WithSummary("Changes a campaign. Once people have answered, instruments and groups can be added but not removed, and the dates can widen but not narrow.");
        campaigns.MapPost("/{id:guid}/close", Close).WithName("CloseScreeningCampaign").WithSummary("Stops taking answers now.");
        campaigns.MapGet("/{id:guid}/aggregates", Aggregates).WithName("GetScreeningCampaignAggregates")
            .WithSummary("Counts per instrument and group, with small counts hidden (null). While open, counted up to yesterday. An instrument whose counts would change by fewer than the minimum cell size keeps its earlier release (held: true).");
        campaigns.MapGet("/{id:guid}/aggregates.csv", AggregatesCsvFile).WithName("GetScreeningCampaignAggregatesCsv")
            .WithSummary("The same aggregates as CSV, exactly as shown.");
        campaigns.MapGet("/{id:guid}/qr.svg", QrSvgFile).WithName("GetScreeningCampaignQrCode")
            .WithSummary("The QR code of the campaign's public link, as SVG for printing.");
        return app;
    }

    public static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static async Task<Ok<IReadOnlyList<CampaignView>>> List(CampaignReader reader, HttpContext http) =>
        TypedResults.Ok(await reader.ListAsync(http.User, Origin(http), http.RequestAborted));

    private static async Task<Results<Ok<CampaignView>, NotFound, ProblemHttpResult>> Get(Guid id, CampaignReader reader, HttpContext http)
    {
        var (view, forbidden) = await reader.ReadAsync(id, http.User, Origin(http), http.RequestAborted);
        if (forbidden) return Forbidden();
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(view);
    }

    private static async Task<Results<Created<CampaignView>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CampaignRequest request, CampaignEditor editor, CampaignReader reader, HttpContext http)
    {
        var change = await editor.CreateAsync(request, http.User, http.RequestAborted);
        return await AnswerAsync(change, reader, http, view => TypedResults.Created($"{Prefix}/{view.Id}", view));
    }

    private static async Task<Results<Ok<CampaignView>, ValidationProblem, NotFound, ProblemHttpResult>> Update(
        Guid id, CampaignRequest request, CampaignEditor editor, CampaignReader reader, HttpContext http)
    {
        var change = await editor.UpdateAsync(id, request, http.User, http.RequestAborted);
        return await AnswerAsync(change, reader, http, TypedResults.Ok);
    }

    private static async Task<Results<Ok<CampaignView>, ValidationProblem, NotFound, ProblemHttpResult>> Close(
        Guid id, CampaignEditor editor, CampaignReader reader, HttpContext http)
    {
        var change = await editor.CloseAsync(id, http.User, http.RequestAborted);
        return await AnswerAsync(change, reader, http, TypedResults.Ok);
    }

    private static async Task<Results<Ok<AggregateReport>, NotFound, ProblemHttpResult>> Aggregates(
        Guid id, CampaignAggregates aggregates, KithDb db, HttpContext http)
    {
        var campaign = await db.ScreeningCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (campaign is null) return TypedResults.NotFound();
        if (!CampaignAccess.MayManage(http.User, campaign.OrganisationId)) return Forbidden();
        return TypedResults.Ok(await aggregates.CountAsync(campaign, http.RequestAborted));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> AggregatesCsvFile(
        Guid id, CampaignAggregates aggregates, KithDb db, HttpContext http)
    {
        var campaign = await db.ScreeningCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (campaign is null) return TypedResults.NotFound();
        if (!CampaignAccess.MayManage(http.User, campaign.OrganisationId)) return Forbidden();
        var csv = AggregatesCsv.Write(await aggregates.CountAsync(campaign, http.RequestAborted));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"campaign-{campaign.Code.ToLowerInvariant()}-aggregates.csv");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> QrSvgFile(Guid id, CampaignReader reader, HttpContext http)
    {
        var (view, forbidden) = await reader.ReadAsync(id, http.User, Origin(http), http.RequestAborted);
        if (forbidden) return Forbidden();
        if (view is null) return TypedResults.NotFound();
        var svg = QrSvg.Render(QrCode.Encode(view.Link), view.Name);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"campaign-{view.Code.ToLowerInvariant()}.svg");
    }

    private static async Task<Results<T, ValidationProblem, NotFound, ProblemHttpResult>> AnswerAsync<T>(
        CampaignChange change, CampaignReader reader, HttpContext http, Func<CampaignView, T> ok) where T : IResult
    {
        switch (change.Outcome)
        {
            case CampaignOutcome.NotFound: return TypedResults.NotFound();
            case CampaignOutcome.Forbidden: return Forbidden();
            case CampaignOutcome.Invalid: return TypedResults.ValidationProblem(change.Errors);
        }
        var (view, _) = await reader.ReadAsync(change.Id!.Value, http.User, Origin(http), http.RequestAborted);
        return ok(view!);
    }

    private static ProblemHttpResult Forbidden() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
        detail: "Only an administrator or a coordinator of the organisation that runs this campaign can see or change it.");
}
