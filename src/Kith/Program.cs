using Kith.Community;
using Kith.Concerns;
using Kith.Groups;
using Kith.Insights;
using Kith.Lines;
using Kith.Screening;
using Kith.ServiceDirectory;
using Kith.Platform;
using Kith.Platform.Cli;
using Kith.Referrals;
using Kith.Responders;
using Kith.Volunteers;

// One executable: `kith` serves the web app; `kith <command>` runs an operator command (see README).
var command = CommandLine.Parse(args);
// Settings and static assets come from the application's own folder whatever the working directory
// (a service manager starts Kith from its data folder); relative data paths resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : command.HostArgs,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddPlatform();
if (command is not null) builder.Logging.ForCommand();
builder.AddCommunity();
builder.AddDirectory();
builder.AddConcerns();
builder.AddResponders();
builder.AddScreening();
builder.AddLines();
builder.AddReferrals();
builder.AddGroups();
builder.AddVolunteers();
builder.AddInsights();

var app = builder.Build();
if (command is not null)
    return await CommandLine.RunAsync(app, command);

app.UsePlatform();
app.UseCommunity();
app.MapPlatform();
app.MapCommunity();
app.MapDirectory();
app.MapConcerns();
app.MapResponders();
app.MapScreening();
app.MapLines();
app.MapReferrals();
app.MapGroups();
app.MapVolunteers();
app.MapInsights();
if (!await app.PrepareAsync()) return 1;
await app.SeedDemoOnFirstStartAsync();
await app.RunAsync();
return 0;

public partial class Program;
