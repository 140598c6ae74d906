using System.Text.Json;
using Swarm.LocalHost.Tests;
using Swarm.Tests;

namespace Swarm.Functions.WorkerHost.Tests;

/// <summary>
/// The app settings a test worker runs with: local.settings.sample.json's Values (what <c>func start</c> would hand the
/// worker), with storage pointed at the test Azurite and a task hub and table prefix of the test's own.
/// </summary>
static class AppSettings
{
    public static async Task<Dictionary<string, string>> ForTestAsync()
    {
        var azurite = await AzuriteServer.SharedAsync();
        var hub = "w" + Guid.NewGuid().ToString("N")[..12];
        var values = Sample();
        values["AzureWebJobsStorage"] = azurite.ConnectionString;
        values["database__connectionString"] = azurite.ConnectionString;
        values["database__tablePrefix"] = hub;
        values["TaskHubName"] = hub;
        // The local host's test settings, so the two answer the same request alike (its tokens, no rate limit).
        values["JWT_SECRET"] = LocalHostProcess.Secret;
        values["security__rateLimit__permitsPerMinute"] = "0";
        values["system__logLevel"] = "warning";
        return values;
    }

    static Dictionary<string, string> Sample()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }
}
