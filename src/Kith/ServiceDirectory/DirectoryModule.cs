using Kith.Platform.Jobs;
using Kith.Platform.Outbox;
using Kith.Platform.Web;
using Kith.ServiceDirectory.SearchServices;
using Kith.ServiceDirectory.Exchange;
using Kith.ServiceDirectory.Editing;
using Kith.ServiceDirectory.Editing.EditService;
using Kith.ServiceDirectory.Editing.ServiceList;
using Kith.ServiceDirectory.Editing.TranslateService;
using Kith.ServiceDirectory.Editing.UpdateCapacity;
using Kith.ServiceDirectory.Editing.VerifyService;
using Kith.ServiceDirectory.Contracts;
using Kith.ServiceDirectory.Freshness;
using Kith.ServiceDirectory.GapAnalysis;
using Kith.ServiceDirectory.HsdsApi;

namespace Kith.ServiceDirectory;

/// <summary>The community's asset map: HSDS 3.0 data, its API, search, and the pages built on them.</summary>
internal static class DirectoryModule
{
    /// <summary>This module's staff navigation (English texts are also the translation keys).</summary>
    internal static readonly NavigationEntry[] Navigation =
    [
        new("Directory services", "Keep your organisation's services current: details, hours, free places, and whether they are still correct.",
            "/staff/directory/services", [Roles.Coordinator, Roles.Admin], 40),
        new("Service gaps", "Where services are missing, by area and need.",
            "/staff/directory/gaps", [Roles.Leader, Roles.Admin], 45),
    ];

    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStaffNavigation(Navigation);

        // Search: every node answers from its own in-memory snapshot, rebuilt when the revision moves (ADR 7).
        services.AddSingleton<Indexing.SearchSnapshots>();
        services.AddScoped<Indexing.DirectoryLoader>();
        services.AddScoped<Indexing.ConfidentialPoints>();
        services.AddOptions<Domain.PublicPointOptions>().Bind(builder.Configuration.GetSection("Kith:Directory"))
            .Validate(o => o.IsValid, "Kith:Directory:ConfidentialOffsetMinKm must be above 0 and below ConfidentialOffsetMaxKm (at most 50).")
            .ValidateOnStart();
        services.AddSingleton<Indexing.DirectoryIndexRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<Indexing.DirectoryIndexRefresher>());
        services.AddScoped<SearchServices.ServiceSearch>();
        services.AddSingleton<Platform.Safety.ILocalCrisisLines, Indexing.CrisisLinesFromSnapshot>();
        services.AddSingleton<Contracts.IDirectoryServices, Indexing.ServicesFromSnapshot>();
        services.AddScoped<Contracts.IDirectoryListings, Listings.GroupListings>();
        services.AddScoped<ServicePage.ServiceDetails>();
        services.AddScoped<Kith.Platform.Demo.IDemoContent, Demo.RiverbendDirectoryDemo>();
        services.AddScoped<DirectoryImport>();
        services.AddScoped<ReplaceGuard>();
        services.AddScoped<DirectoryExport>();
        services.AddHttpClient(DirectoryImport.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(5));
        DirectoryCommands.Register(services);

        // Editing: owners keep their own services current.
        services.AddScoped<ServiceOwnership>();
        services.AddScoped<ChangeRecord>();
        services.AddScoped<ServiceReader>();
        services.AddScoped<LocationWriter>();
        services.AddScoped<ServiceEditor>();
        services.AddScoped<ServiceVerification>();
        services.AddScoped<CapacityUpdate>();
        services.AddScoped<ServiceRows>();
        services.AddScoped<TranslationSheet>();
        services.AddScoped<TranslationEditor>();
        // Readers: directory text in their language, from one cached read per language and revision (ADR 29).
        services.AddSingleton<Translations.TranslationCache>();
        services.AddScoped<Translations.ReaderTexts>();

        // Freshness: reminders when records go stale.
        services.Configure<FreshnessOptions>(builder.Configuration.GetSection("Kith:Directory"));
        services.AddScoped<IRecurringJob, VerificationReminders>();
        services.AddScoped<IOutboxHandler, VerificationDueHandler>();
        services.AddHsdsApi();

        // Gap analysis: supply against need per area, from the search snapshot (no INeedSignal registered yet);
        // Insights shows the same figures beside demand through the contract.
        services.AddScoped<GapReport>();
        services.AddScoped<IDirectorySupply, GapSupply>();
        return builder;
    }

    public static WebApplication MapDirectory(this WebApplication app)
    {
        app.MapSearchServices();
        app.MapVerifyService();
        app.MapCapacityApi();
        app.MapTranslationsApi();
        app.MapGapsCsv();
        // After routing, so the open API's CORS policy (endpoint metadata) answers its preflights.
        app.UseCors();
        app.MapHsdsApi();
        return app;
    }
}
