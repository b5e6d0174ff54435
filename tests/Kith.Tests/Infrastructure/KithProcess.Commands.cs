namespace Kith.Tests.Infrastructure;

public sealed partial class KithProcess
{
    /// <summary>Runs `kith &lt;args&gt;` against a test app's own database and key ring.</summary>
    public static Task<Result> RunAsync(KithApp app, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["Kith__KeyRingPath"] = app.KeyRingPath,
            ["Kith__DemoOnFirstStart"] = "false",
            ["Kith__MigrateOnStart"] = "false",
            ["Kith__Jobs__Enabled"] = "false",
        };
        foreach (var (key, value) in app.Database.Settings()) environment[key.Replace(":", "__")] = value ?? "";
        return RunCommandAsync(environment, args);
    }
}
