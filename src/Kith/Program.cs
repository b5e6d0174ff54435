using Kith.Community;
using Kith.Concerns;
using Kith.Screening;
using Kith.ServiceDirectory;
using Kith.Platform;
using Kith.Platform.Cli;

// One executable: `kith` serves the web app; `kith <command>` runs an operator command (see README).
var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(command is null ? args : command.HostArgs);
builder.AddPlatform();
builder.AddCommunity();
builder.AddDirectory();
builder.AddConcerns();
builder.AddScreening();

var app = builder.Build();
if (command is not null)
    return await CommandLine.RunAsync(app, command);

app.UsePlatform();
app.UseCommunity();
app.MapPlatform();
app.MapCommunity();
app.MapDirectory();
app.MapConcerns();
app.MapScreening();
await app.PrepareAsync();
await app.SeedDemoOnFirstStartAsync();
await app.RunAsync();
return 0;

public partial class Program;
